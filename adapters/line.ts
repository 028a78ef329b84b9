import type { Adapter } from '../src/adapter.js'
import { createError } from '../src/create-error.js'
import type { ErrorCode, UserProfileError } from '../src/errors.js'
import { readHostValue, settleHostPromise } from '../src/host.js'
import type { LoginMethod } from '../src/login.js'
import { loginCodeOf } from '../src/login-code.js'
import { isRecord, readField, readString, toOpenUserInfo } from '../src/normalize.js'

// The host globals this runtime reads (see Adapter.readGlobals): the LIFF SDK's `liff` (sdk.js, or `@line/liff`
// put on the page as `window.liff`).
declare const liff: unknown

const PROFILE_SCOPE_ADVICE = 'add the profile scope to the LIFF app in the LINE Developers console'
// LiffError codes (developers.line.biz/en/reference/liff "LIFF SDK errors"; platforms.md §17.4), each with its advice.
const liffErrorCodes = new Map<string, [ErrorCode, string]>([
  ['UNAUTHORIZED', ['USER_DENIED', 'the user did not authorise the channel, or the login expired: liff.login() asks again']],
  ['401', ['AUTHORIZATION_REQUIRED', 'the login expired: call liff.login()']],
  ['FORBIDDEN', ['INSUFFICIENT_PERMISSIONS', PROFILE_SCOPE_ADVICE]],
  ['403', ['INSUFFICIENT_PERMISSIONS', PROFILE_SCOPE_ADVICE]],
  ['INIT_FAILED', ['AUTHORIZATION_REQUIRED', 'liff.init({ liffId }) failed: check the LIFF ID and the endpoint URL']],
  ['INVALID_CONFIG', ['AUTHORIZATION_REQUIRED', 'liff.init needs the liffId of this LIFF app']],
])

function liffOf(globals: object): Record<string, unknown> | undefined {
  const found = readHostValue(globals, 'liff')
  return isRecord(found) ? found : undefined
}

/** Calls a documented synchronous LIFF method; `undefined` when it is missing. */
function callLiff(sdk: Record<string, unknown>, method: string): unknown {
  const fn = readHostValue(sdk, method)
  return typeof fn === 'function' ? fn.call(sdk) : undefined
}

/**
 * Why the LIFF SDK cannot be asked yet: missing, not initialised (`liff.id` is null until `liff.init()` resolves) or
 * not logged in; the page's own step comes first.
 */
function notReady(sdk: Record<string, unknown> | undefined): UserProfileError | undefined {
  if (!sdk) return createError('UNSUPPORTED', 'line', { advice: 'the LIFF SDK (liff) is missing: load sdk.js or set window.liff' })
  if (!readHostValue(sdk, 'id')) return createError('AUTHORIZATION_REQUIRED', 'line', { advice: 'await liff.init({ liffId }) before calling' })
  if (callLiff(sdk, 'isLoggedIn') !== true) return createError('AUTHORIZATION_REQUIRED', 'line', { advice: 'call liff.login() first (outside the LINE app)' })
  return undefined
}

function mapFailure(nativePayload: unknown): UserProfileError {
  const raw = readField(nativePayload, 'code')
  const code = typeof raw === 'number' ? String(raw) : readString(nativePayload, 'code')
  const [mapped, advice] = (code !== undefined && liffErrorCodes.get(code)) || ['NATIVE_ERROR', undefined]
  return createError(mapped, 'line', {
    advice,
    nativeCode: code,
    nativeMessage: readString(nativePayload, 'message'),
  })
}

/**
 * LINE MINI Apps and LIFF apps: `liff.getProfile()` after the page's own `liff.init`; `displayName` and `pictureUrl`
 * (developers.line.biz/en/docs/liff/using-user-profile). The consent is the channel's, at login.
 */
export const adapter: Adapter<'line'> = {
  runtime: 'line',
  authorizeButton: { event: 'click', consentAt: 'login' },
  readGlobals: () => ({ liff: typeof liff === 'undefined' ? undefined : liff }),

  // In the LINE app only (`liff.isInClient()`, usable before init); elsewhere a page says `runtime: 'line'`.
  detect(globals) {
    const sdk = liffOf(globals)
    return !!sdk && callLiff(sdk, 'isInClient') === true
  },

  request(globals, _options, callbacks) {
    const sdk = liffOf(globals)
    const blocked = notReady(sdk)
    if (blocked || !sdk) return blocked
    return settleHostPromise(callLiff(sdk, 'getProfile'), callbacks, 'line') // a Promise<Profile>, rejected with a LiffError
  },

  mapSuccess(nativePayload) {
    const displayName = readField(nativePayload, 'displayName')
    const pictureUrl = readField(nativePayload, 'pictureUrl')
    if (displayName === undefined && pictureUrl === undefined) return createError('MALFORMED_RESPONSE', 'line')
    return toOpenUserInfo({ nickName: displayName, avatar: pictureUrl })
  },
  mapFailure,
}

/**
 * LINE has no login code: `liff.getIDToken()` gives the ID token (a JWT) the server verifies (`POST
 * /oauth2/v2.1/verify`). getLoginCode gives it as `code`; it is `null` without the `openid` scope.
 */
export const login: LoginMethod<'line'> = {
  runtime: 'line',
  request(globals, _options, callbacks) {
    const sdk = liffOf(globals)
    const blocked = notReady(sdk)
    if (blocked || !sdk) return blocked
    const token = callLiff(sdk, 'getIDToken')
    if (token === null) return createError('INSUFFICIENT_PERMISSIONS', 'line', { advice: 'add the openid scope to the LIFF app for an ID token' })
    callbacks.success(token)
    return undefined
  },
  mapSuccess: (nativePayload) => loginCodeOf('line', nativePayload),
  mapFailure,
}
