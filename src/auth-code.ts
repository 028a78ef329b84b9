// `my.getAuthCode` with its Alipay+ contract on every runtime, as src/polyfill.ts is for `my.getOpenUserInfo`: a page
// written for Alipay (first the code for its server, then the profile) runs unchanged elsewhere.
import type { Adapter } from './adapter.js'
import type { ErrorCode, UserProfileError } from './errors.js'
import { loginFor, requestLogin, type LoginMethod } from './login.js'
import type { AuthCodeFailResult, AuthCodeSuccessResult, LoginCode } from './login-types.js'
import { readField } from './normalize.js'
import { callSafely } from './options.js'
import type { Channel } from './shared-call.js'

// `error` numbers for failures with no native number: my.getAuthCode's own (platforms.md §13) and the general
// JSAPI codes (§2.4).
const failNumbers = new Map<ErrorCode, number>([
  ['USER_DENIED', 11], // 用户取消授权
  ['MALFORMED_RESPONSE', 10], // Empty Data
  ['INSUFFICIENT_PERMISSIONS', 4], // 无权调用
  ['AUTHORIZATION_REQUIRED', 4],
  ['INVALID_OPTIONS', 2],
  ['UNSUPPORTED', 1], // 该接口暂不支持
])
const UNKNOWN_ERROR = 3 // timeouts and other native errors

function toNativeResult(result: LoginCode | UserProfileError, channel: Channel, logins: readonly LoginMethod[]): AuthCodeSuccessResult | AuthCodeFailResult {
  if (!(result instanceof Error)) {
    // Elsewhere a host's login code is what `auth_base` gives on Alipay: an id for the server, no user data.
    return {
      authCode: result.code,
      authErrorScopes: result.authErrorScopes || {},
      authSuccessScopes: result.authSuccessScopes || ['auth_base'],
    }
  }
  // Only my.getAuthCode's own numbers are Alipay's: another host's (Douyin's errNo, VK's error_code) mean something else.
  const login = result.runtime ? loginFor(logins, result.runtime) : undefined
  const nativeNumber = login && login.authCodeNumbers && channel === 'fail' && typeof result.nativeCode === 'number' ? result.nativeCode : undefined
  return {
    error: nativeNumber ?? failNumbers.get(result.code) ?? UNKNOWN_ERROR,
    errorMessage: nativeNumber !== undefined && result.nativeMessage !== undefined ? result.nativeMessage : result.message,
  }
}

/** `success({ authCode, authErrorScopes, authSuccessScopes })` or `fail({ error, errorMessage })`, then `complete`; always async. */
export function getAuthCode(adapters: readonly Adapter[], logins: readonly LoginMethod[], options?: unknown): void {
  const outcome = new Promise<AuthCodeSuccessResult | AuthCodeFailResult>((resolve) =>
    requestLogin(adapters, logins, options, (result, channel) => resolve(toNativeResult(result, channel, logins))),
  )
  void outcome.then((res) => {
    callSafely(readField(options, 'authCode' in res ? 'success' : 'fail'), res)
    callSafely(readField(options, 'complete'), res)
  })
}
