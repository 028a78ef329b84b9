// Per-call overhead: ns per getUserProfile() call against an instant fake native API, for the library's built
// entries, the hand-written reference and, where installed, each framework plus its glue. Each implementation is
// measured in a process of its own together with the hand-written reference, and nothing else: alternating rounds
// (the order flips each round), and the figure is the median over rounds of (implementation / hand-written).
// One process per pair because an app ships one of them: measured side by side in one process, the others' code
// and garbage (Taro's runtime, uni-app's) land in each other's rounds and move every ratio by up to ~0.3×.
// Calls are sequential and awaited one at a time: the library shares one native request among concurrent calls,
// so batches would measure that sharing, not the per-call cost.
import { execFileSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
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

/**
 * In the child process: the hand-written reference and one implementation, alternating, for each answer mode.
 * Both must first give the library's exact result. Returns `{ [answer]: { reference: ns[], implementation: ns[] } }`.
 */
async function measurePair(platform, referenceFile, implementationFile, calls, rounds) {
  installHost(platform) // before the imports: some frameworks read the native global when their module loads
  const pair = [await import(pathToFileURL(referenceFile).href), await import(pathToFileURL(implementationFile).href)]
  const samples = {}
  for (const answer of ANSWERS) {
    host.answer = answer
    for (const { getUserProfile } of pair) {
      const result = await getUserProfile()
      if (!isDeepStrictEqual(result, EXPECTED[platform])) {
        throw new Error(`${implementationFile} on ${platform} resolved ${JSON.stringify(result)}, not ${JSON.stringify(EXPECTED[platform])}`)
      }
    }
    const ns = [[], []]
    for (let round = 0; round < WARMUP_ROUNDS + rounds; round++) {
      for (let k = 0; k < 2; k++) {
        const index = (k + round) % 2
        const perCall = await timeCalls(pair[index].getUserProfile, calls)
        if (round >= WARMUP_ROUNDS) ns[index].push(perCall)
      }
    }
    samples[answer] = { reference: ns[0], implementation: ns[1] }
  }
  uninstallHosts()
  return samples
}

/** `{ [platform]: { rows: [{ label, [answer]: { ns, ratio } }], skipped } }`; the reference row's ns is its median over every pair. */
export async function measureSpeed({ calls = CALLS, rounds = ROUNDS } = {}) {
  const results = {}
  for (const platform of PLATFORMS) {
    installHost(platform)
    const { list, skipped } = await loadImplementations(platform)
    uninstallHosts()
    const [reference, ...others] = list
    const referenceNs = Object.fromEntries(ANSWERS.map((answer) => [answer, []]))
    const rows = [{ label: reference.label }]
    for (const implementation of others) {
      const output = execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--pair', platform, reference.file, implementation.file, String(calls), String(rounds)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      )
      const samples = JSON.parse(output)
      const row = { label: implementation.label }
      for (const answer of ANSWERS) {
        const { reference: base, implementation: own } = samples[answer]
        referenceNs[answer].push(...base)
        row[answer] = { ns: median(own), ratio: median(own.map((ns, round) => ns / base[round])) }
      }
      rows.push(row)
    }
    for (const answer of ANSWERS) rows[0][answer] = { ns: median(referenceNs[answer]), ratio: 1 }
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
        `${rounds} rounds × ${calls} sequential awaited calls per implementation, each in its own process with the reference, median:\n\n` +
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
  const [flag, platform, referenceFile, implementationFile, calls, rounds] = process.argv.slice(2)
  if (flag === '--pair') {
    process.stdout.write(JSON.stringify(await measurePair(platform, referenceFile, implementationFile, Number(calls), Number(rounds))))
  } else {
    console.log(speedReport(await measureSpeed()))
  }
}
