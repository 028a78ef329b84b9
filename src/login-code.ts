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

/** Defines `key` on `target` as an own data property: a setter planted on Object.prototype never sees the value. */
export function defineField(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** Reads `authSuccessScopes` and `authErrorScopes` into fresh own values; `undefined` for a field that is missing or unreadable. */
function readScopes(nativePayload: unknown): [string[] | undefined, Record<string, string> | undefined] {
  let granted: string[] | undefined
  let failed: Record<string, string> | undefined
  try {
    const list = readField(nativePayload, 'authSuccessScopes')
    if (Array.isArray(list)) {
      granted = []
      // A plain loop: `filter` follows the array's species, which a host array may redefine.
      for (let index = 0; index < list.length; index++) if (typeof list[index] === 'string') granted.push(list[index])
    }
  } catch {
    granted = undefined
  }
  try {
    const errors = readField(nativePayload, 'authErrorScopes')
    if (isRecord(errors)) {
      failed = {}
      for (const scope of Object.keys(errors)) {
        const value = readField(errors, scope)
        if (typeof value === 'string' || typeof value === 'number') defineField(failed, scope, String(value))
      }
    }
  } catch {
    failed = undefined
  }
  return [granted, failed]
}

// The error of a scope the wallet refused (GCash's `{ authErrorScopes: { auth_user: '40006' } }`, platforms.md §1.5):
// 40006 is the mini program lacking that capability, as for the profile (§1.4).
const SCOPE_NOT_PERMITTED = '40006'

function scopeFailure(failed: Record<string, string> | undefined, runtime: RuntimeName): UserProfileError | undefined {
  if (!failed) return undefined
  const codes = Object.keys(failed).map((scope) => failed[scope])
  if (!codes.length) return undefined
  const permission = codes.indexOf(SCOPE_NOT_PERMITTED) !== -1
  return createError(permission ? 'INSUFFICIENT_PERMISSIONS' : 'NATIVE_ERROR', runtime, {
    nativeCode: permission ? SCOPE_NOT_PERMITTED : codes[0],
    advice: permission ? INSUFFICIENT_PERMISSIONS_ADVICE : undefined,
  })
}

export function mapAuthCodeSuccess(nativePayload: unknown, runtime: RuntimeName): LoginCode | UserProfileError {
  const [granted, failed] = readScopes(nativePayload)
  const result = loginCodeOf(runtime, readField(nativePayload, 'authCode'))
  // No code, but the scopes that failed: the wallet's authorisation failure, reported on `success` by some hosts.
  if (result instanceof Error) return scopeFailure(failed, runtime) || result
  if (granted) defineField(result, 'authSuccessScopes', granted)
  if (failed) defineField(result, 'authErrorScopes', failed)
  return result
}

export function mapAuthCodeFailure(nativePayload: unknown, runtime: RuntimeName): UserProfileError {
  // Alipay says `error`; DingTalk's JSAPI `errorCode` (dingtalk-jsapi typings).
  const key = readField(nativePayload, 'error') === undefined ? 'errorCode' : 'error'
  const raw = readField(nativePayload, key)
  const number = readNativeNumber(nativePayload, key)
  if (raw === undefined) {
    const refused = scopeFailure(readScopes(nativePayload)[1], runtime)
    if (refused) return refused
  }
  const code = (number !== undefined && authCodeFailures.get(number)) || 'NATIVE_ERROR'
  return createError(code, runtime, {
    nativeCode: typeof raw === 'number' || typeof raw === 'string' ? raw : undefined,
    nativeMessage: readString(nativePayload, 'errorMessage'),
    advice: code === 'INSUFFICIENT_PERMISSIONS' ? INSUFFICIENT_PERMISSIONS_ADVICE : number === 12 ? 'network error: retry when online' : undefined,
  })
}
