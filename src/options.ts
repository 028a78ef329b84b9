import { createError } from './create-error.js'
import type { UserProfileError } from './errors.js'
import { isRecord, readField, readString } from './normalize.js'
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

/** Validates without copying the caller's object into ours by reference or writing to it. */
export function readCallOptions(options: unknown, runtime: RuntimeName | null): CallOptions | UserProfileError {
  if (options !== undefined && options !== null) {
    if (!isRecord(options)) return invalid(runtime, 'Pass an options object, or nothing.')
    for (const name of Object.keys(optionTypes)) {
      const value = readField(options, name)
      const badTimeout = name === 'timeout' && typeof value === 'number' && !(value > 0) // NaN, 0 and below
      if (value !== undefined && (typeof value !== optionTypes[name] || badTimeout)) {
        return invalid(runtime, `\`${name}\` must be a ${name === 'timeout' ? 'number of ms above 0 (Infinity: no limit)' : optionTypes[name]}.`)
      }
    }
  }
  const timeout = readField(options, 'timeout')
  const force = readField(options, 'force')
  const resolveCountry = readField(options, 'resolveCountry')
  return {
    desc: readString(options, 'desc'),
    force: typeof force === 'boolean' ? force : undefined,
    timeout: typeof timeout === 'number' ? timeout : DEFAULT_TIMEOUT_MS,
    runtime: readField(options, 'runtime'),
    resolveCountry: typeof resolveCountry === 'function' ? (name) => resolveCountry(name) : undefined,
  }
}
