// Leaving: N concurrent callers of one native request that never comes, each with `timeout: 1`, so every caller
// leaves the shared call on its own timer. Leaving must cost O(1) per caller (issue 13): the CPU time per caller at
// 100,000 callers stays within a small multiple of the per-caller time at 1,000, measured in the same run.

export const LEAVE_COUNTS = [1000, 100000]
/** Above this per-caller ratio (100k vs 1k) leaving is not O(1). */
export const LEAVE_LIMIT = 1.5

export async function measureLeaving() {
  // An Alipay host that takes the call and never answers: every caller times out.
  globalThis.my = { getOpenUserInfo() {}, getSystemInfoSync: () => ({ app: 'alipay' }) }
  const { getUserProfile } = await import('../dist/alipay.mjs')
  const runs = []
  for (const n of [1000, ...LEAVE_COUNTS]) { // the first 1,000 warms the engine up and is not reported
    const started = process.cpuUsage()
    const calls = []
    for (let i = 0; i < n; i++) calls.push(getUserProfile({ timeout: 1 }).catch((error) => error.code))
    const codes = await Promise.all(calls)
    const used = process.cpuUsage(started)
    runs.push({ n, perCallerUs: (used.user + used.system) / n, allTimedOut: codes.every((code) => code === 'TIMEOUT') })
  }
  delete globalThis.my
  const [, small, large] = runs
  return { small, large, ratio: large.perCallerUs / small.perCallerUs }
}

export function leavingReport({ small, large, ratio }) {
  return [
    '| callers timing out together | CPU µs per caller | all TIMEOUT |',
    '| --- | --- | --- |',
    ...[small, large].map((run) => `| ${run.n.toLocaleString('en')} | ${run.perCallerUs.toFixed(2)} | ${run.allTimedOut ? 'yes' : 'no'} |`),
    '',
    `100,000 callers cost ${ratio.toFixed(2)}× the per-caller time of 1,000 (limit ${LEAVE_LIMIT}×: leaving is O(1) per caller).`,
  ].join('\n')
}
