import { isRecord, readField } from './normalize.js'

/** Milliseconds a caller waits for the host by default: long enough for a user reading the consent page. */
export const DEFAULT_TIMEOUT_MS = 120000
// Timers take a signed 32-bit delay; a longer one would fire at once. About 24.8 days, as good as no limit here.
export const MAX_TIMER_MS = 2147483647

/** Calls a caller's callback; one that throws is reported to the host (uncaught, as a native callback would be) without breaking ours. */
export function callSafely(callback: unknown, arg: unknown): void {
  if (typeof callback !== 'function') return
  try {
    callback(arg)
  } catch (thrown) {
    setTimeout(() => {
      throw thrown
    }, 0)
  }
}

// The type each option must have when given; `timeout` must also be above 0.
const optionTypes: Record<string, string> = {
  desc: 'string',
  timeout: 'number',
  runtime: 'string',
  force: 'boolean',
  resolveCountry: 'function',
  success: 'function',
  fail: 'function',
  complete: 'function',
}

/** What is wrong with the caller's options, or `undefined`. Reads own fields only and never writes. */
export function optionsProblem(options: unknown): string | undefined {
  if (options === undefined || options === null) return undefined
  if (!isRecord(options)) return 'Pass an object, or nothing.'
  for (const name in optionTypes) {
    const value = readField(options, name)
    if (value !== undefined && (typeof value !== optionTypes[name] || (name === 'timeout' && !((value as number) > 0)))) {
      return `\`${name}\` must be a ${name === 'timeout' ? 'number of ms above 0' : optionTypes[name]}.`
    }
  }
  return undefined
}
