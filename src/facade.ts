import type { Adapter } from './adapter.js'
import { createError } from './create-error.js'
import { UserProfileError } from './errors.js'
import { listHostGlobals, readHostGlobals } from './globals.js'
import { normalizeNationality, readField, readString } from './normalize.js'
import { callSafely, readCallOptions } from './options.js'
import { joinNativeCall, type CallResult } from './shared-call.js'
import type { AuthorizeButton, OpenUserInfo, RuntimeName } from './types.js'

export function findAdapter(adapters: readonly Adapter[], globals: object): Adapter | undefined {
  for (const adapter of adapters) {
    try {
      if (adapter.detect(globals)) return adapter
    } catch {
      // a host getter that throws means "not this runtime"
    }
  }
  return undefined
}

export function detectRuntime(adapters: readonly Adapter[], globals: object = readHostGlobals()): RuntimeName | null {
  const adapter = findAdapter(adapters, globals)
  return adapter ? adapter.runtime : null
}

function unsupported(adapters: readonly Adapter[], globals: object): UserProfileError {
  const seen = listHostGlobals(globals)
  const built = adapters.map((adapter) => adapter.runtime).join(', ')
  return createError('UNSUPPORTED', null, {
    advice:
      `No runtime of this build (${built}) matches this host (globals seen: ${seen.length ? seen.join(', ') : 'none'}). ` +
      `Use 'mini-user-profile' (every runtime) or this host's entry.`,
  })
}

function pickAdapter(adapters: readonly Adapter[], globals: object, detected: Adapter | undefined, runtime: unknown): Adapter | UserProfileError {
  if (runtime === undefined) return detected || unsupported(adapters, globals)
  for (const adapter of adapters) if (adapter.runtime === runtime) return adapter
  return createError('UNSUPPORTED', null, {
    advice: `The runtime option names a runtime this build lacks (it has: ${adapters.map((adapter) => adapter.runtime).join(', ')}).`,
  })
}

/** The caller's own resolver turns a country name into `nationality`; anything but a code leaves it `''`. */
function withNationality(result: CallResult, resolveCountry: ((name: string) => string) | undefined): CallResult {
  if (!('info' in result) || !resolveCountry || !result.countryName || result.info.nationality !== '') return result
  let nationality = ''
  try {
    nationality = normalizeNationality(resolveCountry(result.countryName))
  } catch {
    // a throwing resolver is the caller's bug; the profile still arrives, without a nationality
  }
  return { info: Object.assign({}, result.info, { nationality }) }
}

/** Runs one caller's request to its end: never throws, and calls `done` exactly once. */
export function requestProfile(adapters: readonly Adapter[], options: unknown, done: (result: CallResult) => void): void {
  try {
    const globals = readHostGlobals()
    const detected = findAdapter(adapters, globals)
    const callOptions = readCallOptions(options, detected ? detected.runtime : null)
    if (callOptions instanceof UserProfileError) return done({ error: callOptions, channel: 'library' })
    const adapter = pickAdapter(adapters, globals, detected, callOptions.runtime)
    if (adapter instanceof UserProfileError) return done({ error: adapter, channel: 'library' })
    let timer: ReturnType<typeof setTimeout> | undefined
    let finished = false
    const finish = (result: CallResult) => {
      if (finished) return
      finished = true
      if (timer !== undefined) clearTimeout(timer)
      done(withNationality(result, callOptions.resolveCountry))
    }
    const nativeOptions = { desc: callOptions.desc, force: callOptions.force }
    const leave = joinNativeCall(adapter, globals, nativeOptions, finish)
    if (!finished && callOptions.timeout < Infinity) {
      timer = setTimeout(() => {
        leave()
        finish({ error: createError('TIMEOUT', adapter.runtime), channel: 'library' })
      }, callOptions.timeout)
    }
  } catch {
    done({ error: createError('NATIVE_ERROR', null), channel: 'library' })
  }
}

export function getUserProfile(adapters: readonly Adapter[], options?: unknown): Promise<OpenUserInfo> {
  // The executor runs synchronously, so the native call happens inside the caller's tap.
  const outcome = new Promise<CallResult>((resolve) => requestProfile(adapters, options, resolve))
  const success = readField(options, 'success')
  const fail = readField(options, 'fail')
  const complete = readField(options, 'complete')
  const result = outcome.then((ended) => {
    if ('info' in ended) {
      callSafely(success, ended.info)
      callSafely(complete, ended.info)
      return ended.info
    }
    callSafely(fail, ended.error)
    callSafely(complete, ended.error)
    throw ended.error
  })
  // A caller that passed `fail` or `complete` has handled the failure: no unhandled rejection for them.
  if (typeof fail === 'function' || typeof complete === 'function') result.catch(() => undefined)
  return result
}

/** The consent control a page must wire on `runtime` (default: the detected one), or `null` when this build lacks it. */
export function getAuthorizeButton(adapters: readonly Adapter[], runtime?: RuntimeName | null): AuthorizeButton | null {
  const name = runtime === undefined ? detectRuntime(adapters) : runtime
  for (const adapter of adapters) {
    if (adapter.runtime === name && adapter.authorizeButton) return Object.assign({}, adapter.authorizeButton)
  }
  return null
}

/** Turns a consent button's error event (Alipay `onError`: `detail: { type, errorMessage }`) into `USER_DENIED`. */
export function fromAuthorizeError(adapters: readonly Adapter[], event: unknown): UserProfileError {
  const detail = readField(event, 'detail')
  const nativeCode = readField(detail, 'error')
  return createError('USER_DENIED', detectRuntime(adapters), {
    nativeCode: typeof nativeCode === 'number' || typeof nativeCode === 'string' ? nativeCode : undefined,
    nativeMessage: readString(detail, 'errorMessage') ?? readString(detail, 'errMsg'),
  })
}

/**
 * True for the placeholders hosts return instead of an error (WeChat "微信用户", Baidu "百度网友", …) and for a
 * profile with neither name nor avatar, so a caller can ask the user to fill it in rather than store it.
 */
export function isPlaceholderProfile(adapters: readonly Adapter[], info: unknown): boolean {
  const nickName = readField(info, 'nickName')
  const avatar = readField(info, 'avatar')
  if (typeof nickName !== 'string' || typeof avatar !== 'string') return true
  if (nickName === '' && avatar === '') return true
  for (const adapter of adapters) {
    if (adapter.isPlaceholder && adapter.isPlaceholder(nickName, avatar)) return true
  }
  return false
}
