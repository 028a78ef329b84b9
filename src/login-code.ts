// Helpers for the adapters' `login` methods, for the two conventions hosts follow (platforms.md §13):
// `<host>.login` → `success({ code })` / `fail({ errMsg, errno? })` (WeChat and its peers), and
// `my.getAuthCode` → `success({ authCode, authErrorScopes, authSuccessScopes })` / `fail({ error, errorMessage })`
// (Alipay, Taobao, DingTalk). Reached only from getLoginCode: profile-only bundles hold none of it.
import type { NativeCallbacks } from './adapter.js'
import { createError, INSUFFICIENT_PERMISSIONS_ADVICE } from './create-error.js'
import type { ErrorCode, UserProfileError } from './errors.js'
import type { LoginCode } from './login-types.js'
import { isRecord, readField, readNativeNumber, readString } from './normalize.js'
import type { RuntimeName } from './types.js'
import { callHostApi, mapErrMsgFailure, type ErrMsgPhrases } from './user-info.js'

/** The login code of `res.code`, or MALFORMED_RESPONSE: an empty code can never be exchanged. */
export function loginCodeOf(runtime: RuntimeName, code: unknown): LoginCode | UserProfileError {
  return typeof code === 'string' && code ? { code, runtime } : createError('MALFORMED_RESPONSE', runtime, { advice: 'no login code in the answer' })
}

/** `<host>.<api>({ ...fields, success, fail })`, synchronously; UNSUPPORTED when the host lacks it. */
export function callLoginApi(globals: object, hostName: string, api: string, fields: object, callbacks: NativeCallbacks, runtime: RuntimeName): UserProfileError | undefined {
  return callHostApi(globals, hostName, api, Object.assign({}, fields, { success: callbacks.success, fail: callbacks.fail }), runtime)
}

export const mapCodeSuccess = (nativePayload: unknown, runtime: RuntimeName) => loginCodeOf(runtime, readField(nativePayload, 'code'))

// `errMsg` phrases of a refused login (⚠️ community: the login pages document no fail strings): the user closed the
// host's login page ("login:fail cancel", "auth deny").
const loginPhrases: ErrMsgPhrases = [
  ['cancel', 'USER_DENIED'],
  ['auth den', 'USER_DENIED'],
]
export const mapLoginFailure = (nativePayload: unknown, runtime: RuntimeName) => mapErrMsgFailure(nativePayload, runtime, loginPhrases)

// `fail({ error })` of my.getAuthCode (platforms.md §13, open-docs my.getAuthCode.md; 1001 from the Alipay+ BE docs §1.5).
const authCodeFailures = new Map<number, ErrorCode>([
  [11, 'USER_DENIED'], // 用户取消授权
  [3, 'USER_DENIED'], // 未找到授权结果: the user left the authorisation page (Android back key)
  [1001, 'USER_DENIED'], // ERROR_CODE_USER_CANCEL
  [4, 'INSUFFICIENT_PERMISSIONS'], // 无权调用: the scope is not among the mini program's features
  [10, 'MALFORMED_RESPONSE'], // Empty Data
])

/** `host.getAuthCode(fields)` of Alipay, Taobao and DingTalk. */
export function callAuthCodeApi(globals: object, hostName: string, fields: object, callbacks: NativeCallbacks, runtime: RuntimeName): UserProfileError | undefined {
  return callLoginApi(globals, hostName, 'getAuthCode', fields, callbacks, runtime)
}

export function mapAuthCodeSuccess(nativePayload: unknown, runtime: RuntimeName): LoginCode | UserProfileError {
  const result = loginCodeOf(runtime, readField(nativePayload, 'authCode'))
  if (result instanceof Error) return result
  const granted = readField(nativePayload, 'authSuccessScopes')
  const failed = readField(nativePayload, 'authErrorScopes')
  if (Array.isArray(granted)) result.authSuccessScopes = granted.filter((scope): scope is string => typeof scope === 'string')
  if (isRecord(failed)) {
    const errors: Record<string, string> = {}
    for (const scope of Object.keys(failed)) if (typeof failed[scope] === 'string' || typeof failed[scope] === 'number') errors[scope] = String(failed[scope])
    result.authErrorScopes = errors
  }
  return result
}

export function mapAuthCodeFailure(nativePayload: unknown, runtime: RuntimeName): UserProfileError {
  // Alipay says `error`; DingTalk's JSAPI `errorCode` (dingtalk-jsapi typings).
  const key = readField(nativePayload, 'error') === undefined ? 'errorCode' : 'error'
  const raw = readField(nativePayload, key)
  const number = readNativeNumber(nativePayload, key)
  const code = (number !== undefined && authCodeFailures.get(number)) || 'NATIVE_ERROR'
  return createError(code, runtime, {
    nativeCode: typeof raw === 'number' || typeof raw === 'string' ? raw : undefined,
    nativeMessage: readString(nativePayload, 'errorMessage'),
    advice: code === 'INSUFFICIENT_PERMISSIONS' ? INSUFFICIENT_PERMISSIONS_ADVICE : number === 12 ? 'network error: retry when online' : undefined,
  })
}
