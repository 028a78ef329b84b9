// getLoginCode: one native login request per call. Unlike the profile, a login code is single use, so concurrent
// callers never share a call (no src/shared-call.ts here); everything else follows requestProfile's rules: settles
// once, never throws, the same timeout and callbacks. Only entries' getLoginCode and getAuthCode reach this module.
import type { Adapter, NativeCallbacks } from './adapter.js'
import { createError, errorOfThrown } from './create-error.js'
import { UserProfileError } from './errors.js'
import { findAdapter } from './detect.js'
import { pickAdapter } from './facade.js'
import { isRecord, readField, readString } from './normalize.js'
import { settleWithCallbacks, DEFAULT_TIMEOUT_MS, MAX_TIMER_MS, optionsProblem } from './options.js'
import type { LoginCode } from './login-types.js'
import type { RuntimeName } from './types.js'
import type { Channel } from './shared-call.js'

/** What the core passes on to a native login call, already validated. */
export interface LoginNativeOptions {
  /** Always set: `'auth_base'` unless the caller asked for more. */
  scopes: string | string[]
  force?: boolean
  corpId?: string
}

/** One runtime's login API, exported by its adapter file beside `adapter`, so profile-only bundles hold none of it. */
export interface LoginMethod<R extends RuntimeName = RuntimeName> {
  readonly runtime: R
  /** Its `fail` numbers are my.getAuthCode's own (Alipay, Taobao, DingTalk): the getAuthCode polyfill passes them on. */
  readonly authCodeNumbers?: true
  /** Calls the native login API at once, or returns why it cannot. */
  request(globals: object, options: LoginNativeOptions, callbacks: NativeCallbacks): UserProfileError | undefined
  /** Total and pure. */
  mapSuccess(nativePayload: unknown): LoginCode | UserProfileError
  mapFailure(nativePayload: unknown): UserProfileError
}

export type LoginListener = (result: LoginCode | UserProfileError, channel: Channel, nativePayload?: unknown) => void

const loginOptionTypes: Record<string, string> = {
  force: 'boolean',
  corpId: 'string',
  timeout: 'number',
  runtime: 'string',
  success: 'function',
  fail: 'function',
  complete: 'function',
}

/** The scopes to ask for, copied; `undefined` when they are not a scope name or a non-empty list of them (or unreadable). */
function scopesOf(scopes: unknown): string | string[] | undefined {
  if (scopes === undefined) return 'auth_base'
  if (typeof scopes === 'string' && scopes) return scopes
  try {
    if (!Array.isArray(scopes) || !scopes.length) return undefined
    const copy: string[] = []
    for (let index = 0; index < scopes.length; index++) {
      const scope: unknown = scopes[index]
      if (typeof scope !== 'string' || !scope) return undefined
      copy.push(scope)
    }
    return copy
  } catch {
    return undefined // a hostile list (a Proxy whose reads throw)
  }
}

/** The login of `runtime` in this build, if it has one. */
export function loginFor(logins: readonly LoginMethod[], runtime: RuntimeName): LoginMethod | undefined {
  for (const login of logins) if (login.runtime === runtime) return login
  return undefined
}

/** The caller's options, each read once, so what is checked is what the host gets (a getter may answer differently). */
function readOptions(options: unknown): unknown {
  if (!isRecord(options)) return options // nothing, or not an object: optionsProblem says which
  const snapshot: Record<string, unknown> = Object.create(null)
  for (const key of ['scopes', ...Object.keys(loginOptionTypes)]) snapshot[key] = readField(options, key)
  return snapshot
}

/** Runs one caller's login request to its end: never throws, `done` exactly once; the native call starts at once. */
export function requestLogin(adapters: readonly Adapter[], logins: readonly LoginMethod[], options: unknown, done: LoginListener): void {
  try {
    const detected = findAdapter(adapters)
    const picked = readOptions(options)
    const scopes = scopesOf(readField(picked, 'scopes'))
    const problem = optionsProblem(picked, loginOptionTypes) || (scopes ? undefined : '`scopes` must be a scope name or a non-empty array of them.')
    if (problem || !scopes) return done(createError('INVALID_OPTIONS', detected ? detected.runtime : null, { advice: problem }), 'library')
    const adapter = pickAdapter(adapters, detected, readField(picked, 'runtime'))
    if (adapter instanceof UserProfileError) return done(adapter, 'library')
    const method = loginFor(logins, adapter.runtime)
    if (!method) return done(createError('UNSUPPORTED', adapter.runtime, { advice: 'this build has no login for it' }), 'library')
    let ended = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const finish: LoginListener = (result, channel, nativePayload) => {
      if (ended) return
      ended = true
      if (timer !== undefined) clearTimeout(timer)
      done(result, channel, nativePayload)
    }
    // The first answer wins; a host that answers twice, or answers after the timeout, reaches no one.
    const answerOn = (channel: 'success' | 'fail') => (nativePayload: unknown) => {
      if (ended) return
      let result: LoginCode | UserProfileError
      try {
        result = channel === 'success' ? method.mapSuccess(nativePayload) : method.mapFailure(nativePayload)
      } catch {
        result = createError(channel === 'success' ? 'MALFORMED_RESPONSE' : 'NATIVE_ERROR', method.runtime)
      }
      finish(result, channel, nativePayload)
    }
    let error: UserProfileError | undefined
    try {
      const nativeOptions = { scopes, force: readField(picked, 'force') as boolean | undefined, corpId: readString(picked, 'corpId') }
      error = method.request(adapter.readGlobals(), nativeOptions, { success: answerOn('success'), fail: answerOn('fail') })
    } catch (thrown) {
      error = errorOfThrown(method.runtime, thrown)
    }
    if (error) return finish(error, 'library')
    const timeout = readField(picked, 'timeout')
    if (ended || timeout === Infinity) return
    void Promise.resolve().then(() => {
      if (!ended) {
        timer = setTimeout(
          () => finish(createError('TIMEOUT', method.runtime), 'library'),
          typeof timeout === 'number' ? Math.min(timeout, MAX_TIMER_MS) : DEFAULT_TIMEOUT_MS,
        )
      }
    })
  } catch {
    done(createError('NATIVE_ERROR', null), 'library')
  }
}

export function getLoginCode(adapters: readonly Adapter[], logins: readonly LoginMethod[], options?: unknown): Promise<LoginCode> {
  return settleWithCallbacks<LoginCode>((done) => requestLogin(adapters, logins, options, done), options)
}
