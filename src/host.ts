// Readers for host objects (a super app's global and what its getters answer), which may be proxies, carry APIs on
// prototypes, or throw from a getter. Adapters use them; the core never reads a host global itself.
import type { NativeCallbacks } from './adapter.js'
import { createError } from './create-error.js'
import type { UserProfileError } from './errors.js'
import { isRecord, readField } from './normalize.js'
import type { RuntimeName } from './types.js'

/** A host object's property, inherited ones included (host APIs may sit on prototypes); a throwing getter reads as undefined. */
export function readHostValue(value: unknown, key: string): unknown {
  if (!isRecord(value) && typeof value !== 'function') return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

// What a host's system info says (the app, QQ Browser or not) cannot change while it runs, and `getSystemInfoSync`
// is a synchronous bridge round-trip on real hosts: each host object is asked until it gives an answer, then never again.
const systemInfos = new WeakMap<object, object>()

/** A field of `host.getSystemInfoSync()`, the documented synchronous getter; undefined when it is missing or throws. */
export function readSystemInfo(host: unknown, field: string): unknown {
  if (!isRecord(host)) return undefined
  let info = systemInfos.get(host)
  if (info === undefined) {
    const getSystemInfoSync = readHostValue(host, 'getSystemInfoSync')
    try {
      const answer: unknown = typeof getSystemInfoSync === 'function' ? getSystemInfoSync.call(host) : undefined
      if (isRecord(answer)) systemInfos.set(host, (info = answer))
    } catch {
      // a throwing getter reads as no system info this time
    }
  }
  // Own fields only: an `Object.prototype.app = 'TB'` planted by other code must not change which host this is.
  return readField(info, field)
}

/** `readSystemInfo` as a lower-case string, `''` when absent, for comparing app names. */
export function readAppName(host: unknown, field: 'app' | 'appName'): string {
  const name = readSystemInfo(host, field)
  return typeof name === 'string' ? name.toLowerCase() : ''
}

/**
 * Hands the outcome of a host API that answers with a promise (LIFF's `getProfile`, VK Bridge's `send`) to the
 * callbacks; MALFORMED_RESPONSE when the answer is no thenable. Its `then` is read once, as a host object's may be a getter.
 */
export function settleHostPromise(answer: unknown, callbacks: NativeCallbacks, runtime: RuntimeName): UserProfileError | undefined {
  const then = readHostValue(answer, 'then')
  if (typeof then !== 'function') return createError('MALFORMED_RESPONSE', runtime)
  then.call(answer, callbacks.success, callbacks.fail)
  return undefined
}
