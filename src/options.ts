import { createError } from './create-error.js'
import type { UserProfileError } from './errors.js'
import { isRecord, readField } from './normalize.js'
import type { RuntimeName } from './types.js'

const DEFAULT_TIMEOUT_MS = 120000

export interface CallOptions {
  desc: string | undefined
  force: boolean | undefined
  timeout: number
  runtime: unknown
  resolveCountry: ((name: string) => string) | undefined
}

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

function invalid(runtime: RuntimeName | null, advice: string): UserProfileError {
  return createError('INVALID_OPTIONS', runtime, { advice })
}

/** Validates without copying the caller's object into ours by reference or writing to it. */
export function readCallOptions(options: unknown, runtime: RuntimeName | null): CallOptions | UserProfileError {
  const defaults = { desc: undefined, force: undefined, timeout: DEFAULT_TIMEOUT_MS, runtime: undefined, resolveCountry: undefined }
  if (options === undefined || options === null) return defaults
  if (!isRecord(options)) return invalid(runtime, 'Pass an options object, or nothing.')
  const desc = readField(options, 'desc')
  const timeout = readField(options, 'timeout')
  const force = readField(options, 'force')
  const resolveCountry = readField(options, 'resolveCountry')
  const forcedRuntime = readField(options, 'runtime')
  if (desc !== undefined && typeof desc !== 'string') return invalid(runtime, '`desc` must be a string.')
  if (force !== undefined && typeof force !== 'boolean') return invalid(runtime, '`force` must be a boolean.')
  if (forcedRuntime !== undefined && typeof forcedRuntime !== 'string') return invalid(runtime, '`runtime` must be a runtime name.')
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) {
    return invalid(runtime, '`timeout` must be a number of milliseconds above 0 (Infinity waits forever).')
  }
  for (const name of ['success', 'fail', 'complete', 'resolveCountry']) {
    const callback = readField(options, name)
    if (callback !== undefined && typeof callback !== 'function') return invalid(runtime, `\`${name}\` must be a function.`)
  }
  return {
    desc,
    force,
    timeout: timeout === undefined ? DEFAULT_TIMEOUT_MS : timeout,
    runtime: forcedRuntime,
    resolveCountry: typeof resolveCountry === 'function' ? (name) => resolveCountry(name) : undefined,
  }
}
