// Concurrency: N getUserProfile() calls started together against a fake native API that answers after 5 ms;
// how many native requests each implementation makes and how long until every call has settled. The library
// shares one native request among concurrent calls, so it must make exactly 1 whatever N is.
import { isDeepStrictEqual } from 'node:util'
import { fileURLToPath } from 'node:url'
import { EXPECTED, host, installHost, uninstallHosts } from './fake-hosts.mjs'
import { loadImplementations } from './implementations.mjs'
import { PLATFORMS, formatTable } from './size.mjs'

export const COUNTS = [1, 10, 100]
export const ANSWER_MS = 5
const REPEATS = 5 // each N is run this many times; the table shows the median time

/** `{ [platform]: { rows: [{ id, label, runs: [{ n, requests, ms, allEqual }] }] } }` */
export async function measureConcurrency() {
  const results = {}
  for (const platform of PLATFORMS) {
    installHost(platform)
    host.answer = ANSWER_MS
    const { list } = await loadImplementations(platform)
    const rows = []
    for (const { id, label, getUserProfile } of list) {
      const runs = []
      for (const n of COUNTS) {
        const times = []
        let requests = 0
        let allEqual = true
        for (let repeat = 0; repeat < REPEATS; repeat++) {
          host.calls = 0
          const start = process.hrtime.bigint()
          const calls = []
          for (let i = 0; i < n; i++) calls.push(getUserProfile())
          const settled = await Promise.allSettled(calls)
          times.push(Number(process.hrtime.bigint() - start) / 1e6)
          requests = Math.max(requests, host.calls)
          allEqual &&= settled.every((outcome) => outcome.status === 'fulfilled' && isDeepStrictEqual(outcome.value, EXPECTED[platform]))
        }
        runs.push({ n, requests, ms: times.sort((a, b) => a - b)[REPEATS >> 1], allEqual })
      }
      rows.push({ id, label, runs })
    }
    uninstallHosts()
    results[platform] = { rows }
  }
  return results
}

/** True when every library row made exactly one native request for every N, and every call got the profile. */
export function libraryShares(results) {
  return PLATFORMS.every((platform) =>
    results[platform].rows
      .filter((row) => row.id === 'entry' || row.id === 'root')
      .every((row) => row.runs.every((run) => run.requests === 1 && run.allEqual)),
  )
}

/** The concurrency tables as Markdown. */
export function concurrencyReport(results) {
  const parts = []
  for (const platform of PLATFORMS) {
    parts.push(
      `${platform === 'alipay' ? 'Alipay' : 'WeChat'}: N concurrent calls, native answer after ${ANSWER_MS} ms; native requests made (most in any of ${REPEATS} runs), and median ms until all settled:\n\n` +
        formatTable(
          ['implementation', ...COUNTS.map((n) => `N = ${n}`)],
          results[platform].rows.map((row) => [
            row.label,
            ...row.runs.map((run) => `${run.requests} req, ${run.ms.toFixed(1)} ms${run.allEqual ? '' : ' (not all resolved the profile)'}`),
          ]),
        ),
    )
  }
  return parts.join('\n\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await measureConcurrency()
  console.log(concurrencyReport(results))
  if (!libraryShares(results)) {
    console.error('The library made more than one native request for concurrent calls.')
    process.exitCode = 1
  }
}
