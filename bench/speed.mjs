// Per-call overhead: ns per getUserProfile() call against an instant fake native API, for the library's built
// entries, the hand-written reference and, where installed, each framework plus its glue. Same process, alternating
// rounds (the order rotates each round), and the figure is the median over rounds of (implementation / hand-written).
// Calls are sequential and awaited one at a time: the library shares one native request among concurrent calls,
// so batches would measure that sharing, not the per-call cost.
import { isDeepStrictEqual } from 'node:util'
import { fileURLToPath } from 'node:url'
import { EXPECTED, host, installHost, uninstallHosts } from './fake-hosts.mjs'
import { loadImplementations } from './implementations.mjs'
import { PLATFORMS, formatTable } from './size.mjs'

export const CALLS = Number(process.env.BENCH_CALLS) || 20000
export const ROUNDS = Number(process.env.BENCH_ROUNDS) || 15
const WARMUP_ROUNDS = 2
export const ANSWERS = ['sync', 'microtask']

async function timeCalls(getUserProfile, calls) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < calls; i++) await getUserProfile()
  return Number(process.hrtime.bigint() - start) / calls
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Every implementation must give the library's exact result before it is timed. */
async function check(platform, implementations) {
  for (const { label, getUserProfile } of implementations) {
    const result = await getUserProfile()
    if (!isDeepStrictEqual(result, EXPECTED[platform])) {
      throw new Error(`${label} on ${platform} resolved ${JSON.stringify(result)}, not ${JSON.stringify(EXPECTED[platform])}`)
    }
  }
}

/** `{ [platform]: { rows: [{ label, [answer]: { ns, ratio } }], skipped } }` */
export async function measureSpeed({ calls = CALLS, rounds = ROUNDS } = {}) {
  const results = {}
  for (const platform of PLATFORMS) {
    installHost(platform)
    const { list, skipped } = await loadImplementations(platform)
    const rows = list.map(({ label }) => ({ label }))
    for (const answer of ANSWERS) {
      host.answer = answer
      await check(platform, list)
      const samples = list.map(() => [])
      for (let round = 0; round < WARMUP_ROUNDS + rounds; round++) {
        for (let k = 0; k < list.length; k++) {
          const index = (k + round) % list.length
          const ns = await timeCalls(list[index].getUserProfile, calls)
          if (round >= WARMUP_ROUNDS) samples[index].push(ns)
        }
      }
      const reference = samples[0]
      samples.forEach((nsPerRound, index) => {
        rows[index][answer] = {
          ns: median(nsPerRound),
          ratio: median(nsPerRound.map((ns, round) => ns / reference[round])),
        }
      })
    }
    uninstallHosts()
    results[platform] = { rows, skipped }
  }
  return results
}

/** The speed tables as Markdown. */
export function speedReport(results, { calls = CALLS, rounds = ROUNDS } = {}) {
  const parts = []
  for (const platform of PLATFORMS) {
    const { rows } = results[platform]
    parts.push(
      `${platform === 'alipay' ? 'Alipay (`my.getOpenUserInfo`)' : 'WeChat (`wx.getUserProfile`)'}: ` +
        `${rounds} rounds × ${calls} sequential awaited calls per implementation, median:\n\n` +
        formatTable(
          ['implementation', 'ns/call, sync answer', '× hand-written', 'ns/call, microtask answer', '× hand-written'],
          rows.map((row) => [
            row.label,
            ...ANSWERS.flatMap((answer) => [Math.round(row[answer].ns), `${row[answer].ratio.toFixed(2)}×`]),
          ]),
        ),
    )
  }
  return parts.join('\n\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(speedReport(await measureSpeed()))
}
