import type { Adapter, NativeOptions } from './adapter.js'
import { createError } from './create-error.js'
import { UserProfileError } from './errors.js'
import { detectRuntime, findAdapter, readGlobals } from './detect.js'
import { copyProfile, normalizeNationality, readField, readString } from './normalize.js'
import { heldByPrivacy } from './privacy-state.js'
import { joinSharedCall, leaveSharedCall, type Listener } from './shared-call.js'
import { callSafely, DEFAULT_TIMEOUT_MS, MAX_TIMER_MS, optionsProblem } from './options.js'
import type { AuthorizeButton, FillInControls, OpenUserInfo, RuntimeName } from './types.js'

const NO_OPTIONS: NativeOptions = {}
// The components of WeChat's 「头像昵称填写能力」 and the events createProfileForm reads (platforms.md §17.1); a fresh
// object per call, so a caller's change reaches no one else.
const fillInControls = (): FillInControls => ({
  avatar: { openType: 'chooseAvatar', event: 'chooseavatar' },
  nickname: { type: 'nickname', events: ['input', 'change', 'blur'], reviewEvent: 'nicknamereview' },
})
const runtimesOf = (adapters: readonly Adapter[]) => adapters.map((adapter) => adapter.runtime).join(', ')

export function pickAdapter(adapters: readonly Adapter[], detected: Adapter | undefined, runtime: unknown): Adapter | UserProfileError {
  if (runtime === undefined && detected) return detected
  for (const adapter of adapters) if (adapter.runtime === runtime) return adapter
  // Only the globals this build's adapters read: a runtime entry holds no code about other hosts.
  const globals = readGlobals(adapters)
  const seen = Object.keys(globals).filter((name) => globals[name] !== undefined)
  return createError('UNSUPPORTED', null, {
    advice:
      (runtime === undefined ? `no runtime matches this host (globals seen: ${seen.join(', ') || 'none'})` : 'no such runtime in this build') +
      ` (it has: ${runtimesOf(adapters)}); use this host's entry or the root one`,
  })
}

/** The caller's own resolver turns a country *name* into `nationality`; anything but a code leaves it ''. */
export function withCountry(adapter: Adapter, result: OpenUserInfo | UserProfileError, nativePayload: unknown, resolveCountry: unknown): OpenUserInfo | UserProfileError {
  // `instanceof Error`, not UserProfileError: any copy's error counts.
  if (typeof resolveCountry === 'function' && adapter.readCountryName && !(result instanceof Error) && !result.nationality) {
    try {
      const countryName = adapter.readCountryName(nativePayload)
      if (countryName) {
        // A copy built from a literal: a setter planted on Object.prototype cannot swallow `nationality`.
        const own = copyProfile(result)
        own.nationality = normalizeNationality(resolveCountry(countryName))
        return own
      }
    } catch {
      // a throwing resolver is the caller's bug; the profile still arrives, without a nationality
    }
  }
  return result
}

/**
 * Runs one caller's request to its end: never throws, and calls `done` exactly once, synchronously when the host
 * answers synchronously. The native call starts before this returns, so it stays inside the caller's tap.
 */
export function requestProfile(adapters: readonly Adapter[], options: unknown, done: Listener): void {
  try {
    const detected = findAdapter(adapters)
    const problem = optionsProblem(options)
    if (problem) return done(createError('INVALID_OPTIONS', detected ? detected.runtime : null, { advice: problem }), 'library')
    const adapter = pickAdapter(adapters, detected, readField(options, 'runtime'))
    if (adapter instanceof UserProfileError) return done(adapter, 'library')
    const timeout = readField(options, 'timeout')
    const resolveCountry = readField(options, 'resolveCountry')
    let ended = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const listener: Listener = (result, channel, nativePayload) => {
      if (ended) return
      ended = true
      if (timer !== undefined) clearTimeout(timer)
      done(withCountry(adapter, result, nativePayload, resolveCountry), channel)
    }
    const nativeOptions = options ? { desc: readString(options, 'desc'), force: readField(options, 'force') as boolean | undefined } : NO_OPTIONS
    const [call, slot] = joinSharedCall(adapter, adapter.readGlobals(), nativeOptions, listener)
    if (ended || timeout === Infinity) return
    // Real hosts answer in a later task, so a pending call gets its timer; an answer already queued in this turn
    // (a mock, a host that refuses at once) settles before the timer would be armed, and costs no timer.
    void Promise.resolve().then(() => {
      if (ended) return
      timer = setTimeout(() => {
        leaveSharedCall(adapter.runtime, call, slot)
        // A host holds a call while its privacy step waits for the page (onPrivacyConsent): say so, not a bare TIMEOUT.
        listener(heldByPrivacy.error ? heldByPrivacy.error(adapter.runtime) : createError('TIMEOUT', adapter.runtime), 'library')
      }, typeof timeout === 'number' ? Math.min(timeout, MAX_TIMER_MS) : DEFAULT_TIMEOUT_MS)
    })
  } catch {
    done(createError('NATIVE_ERROR', null), 'library')
  }
}

// The same steps as settleWithCallbacks (src/options.ts, which getLoginCode uses), written out: the generic costs the
// profile-only bundles about 20 B gzip, and they are at the size ceiling (issue 11).
export function getUserProfile(adapters: readonly Adapter[], options?: unknown): Promise<OpenUserInfo> {
  // The executor runs synchronously, so the native call happens inside the caller's tap.
  const outcome = new Promise<OpenUserInfo>((resolve, reject) => {
    requestProfile(adapters, options, (result) => (result instanceof Error ? reject(result) : resolve(result)))
  })
  const success = readField(options, 'success')
  const fail = readField(options, 'fail')
  const complete = readField(options, 'complete')
  // A caller that passed `fail` or `complete` has handled the failure: no unhandled rejection for them.
  const handled = typeof fail === 'function' || typeof complete === 'function'
  if (!handled && typeof success !== 'function') return outcome
  // Callbacks run after the promise settles, as native callbacks run after the call returns.
  const result = outcome.then(
    (info) => {
      callSafely(success, info)
      callSafely(complete, info)
      return info
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

/** The consent control a page must wire on `runtime` (default: the detected one), or `null` when this build lacks it. */
export function getAuthorizeButton(adapters: readonly Adapter[], runtime?: RuntimeName | null): AuthorizeButton | null {
  const name = runtime === undefined ? detectRuntime(adapters) : runtime
  for (const adapter of adapters) {
    if (adapter.runtime === name && adapter.authorizeButton) {
      return Object.assign({}, adapter.authorizeButton, adapter.fillIn ? { fillIn: fillInControls() } : {})
    }
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
 * True for the placeholders hosts return instead of an error (WeChat "微信用户", Baidu "百度网友", the anonymous
 * answers of Douyin's `tt.getUserInfo` fallback, …) and for a profile with neither name nor avatar, so a caller can ask the user to fill it in rather than store it.
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
