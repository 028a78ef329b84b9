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
export function optionsProblem(options: unknown, types: Record<string, string> = optionTypes): string | undefined {
  if (options === undefined || options === null) return undefined
  if (!isRecord(options)) return 'Pass an object, or nothing.'
  for (const name in types) {
    const value = readField(options, name)
    if (value !== undefined && (typeof value !== types[name] || (name === 'timeout' && !((value as number) > 0)))) {
      return `\`${name}\` must be a ${name === 'timeout' ? 'number of ms above 0' : types[name]}.`
    }
  }
  return undefined
}

/**
 * The promise of one request (`start` calls `done` exactly once, with a result or an error), and the caller's
 * `success` / `fail` / `complete` run after it settles, as native callbacks run after the call returns. A caller that
 * passed `fail` or `complete` has handled the failure: no unhandled rejection for them.
 */
export function settleWithCallbacks<T>(start: (done: (result: T | Error) => void) => void, options: unknown): Promise<T> {
  // The executor runs synchronously, so the native call happens inside the caller's tap.
  const outcome = new Promise<T>((resolve, reject) => start((result) => (result instanceof Error ? reject(result) : resolve(result))))
  const success = readField(options, 'success')
  const fail = readField(options, 'fail')
  const complete = readField(options, 'complete')
  const handled = typeof fail === 'function' || typeof complete === 'function'
  if (!handled && typeof success !== 'function') return outcome
  const result = outcome.then(
    (value) => {
      callSafely(success, value)
      callSafely(complete, value)
      return value
    },
    (error: unknown) => {
      callSafely(fail, error)
      callSafely(complete, error)
      throw error
    },
  )
  if (handled) result.catch(() => undefined)
  return result
}
