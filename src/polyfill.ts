import type { Adapter } from './adapter.js'
import { UserProfileError, type ErrorCode } from './errors.js'
import { requestProfile } from './facade.js'
import type { Channel } from './shared-call.js'
import { readField } from './normalize.js'
import { callSafely } from './options.js'
import type { OpenUserInfo, OpenUserInfoFailResult, OpenUserInfoSuccessResult } from './types.js'

// `error` numbers for failures that have no native number, from Alipay's general JSAPI codes (platforms.md §2.4).
const failNumbers = new Map<ErrorCode, number>([
  ['USER_DENIED', 11], // 用户取消
  ['UNSUPPORTED', 1], // 该接口暂不支持
  ['INVALID_OPTIONS', 2], // invalid parameter
  ['AUTHORIZATION_REQUIRED', 4], // 无权调用
  ['INSUFFICIENT_PERMISSIONS', 4],
  ['PRIVACY_NOT_AUTHORIZED', 4],
])
const UNKNOWN_ERROR = 3 // 未知错误: timeouts, malformed answers, other native errors

/** The native JSON Alipay puts in `success` for a non-10000 result, rebuilt from the error's native fields. */
function nativeResultOf(error: UserProfileError): Record<string, string> {
  const result: Record<string, string> = { code: String(error.nativeCode), msg: error.nativeMessage ?? '' }
  if (error.subCode !== undefined) result.subCode = error.subCode
  if (error.subMessage !== undefined) result.subMsg = error.subMessage
  return result
}

function toNativeResult(result: OpenUserInfo | UserProfileError, channel: Channel): OpenUserInfoSuccessResult | OpenUserInfoFailResult {
  if (!(result instanceof Error)) return { response: JSON.stringify({ response: result }) } // any copy's error
  if (channel === 'success' && result.nativeCode !== undefined) {
    return { response: JSON.stringify({ response: nativeResultOf(result) }) }
  }
  const nativeNumber = channel === 'fail' && typeof result.nativeCode === 'number' ? result.nativeCode : undefined
  return {
    error: nativeNumber ?? failNumbers.get(result.code) ?? UNKNOWN_ERROR,
    errorMessage: nativeNumber !== undefined && result.nativeMessage !== undefined ? result.nativeMessage : result.message,
  }
}

/**
 * `my.getOpenUserInfo` with the Alipay+ contract on every runtime: `success({ response })` with the double-encoded
 * JSON, 40003/40006 in `success` as Alipay sends them, every other failure in `fail({ error, errorMessage })`.
 */
export function getOpenUserInfo(adapters: readonly Adapter[], options?: unknown): void {
  const outcome = new Promise<OpenUserInfoSuccessResult | OpenUserInfoFailResult>((resolve) =>
    requestProfile(adapters, options, (result, channel) => resolve(toNativeResult(result, channel))),
  )
  // Callbacks always run asynchronously, as native ones do, even when validation fails at once.
  void outcome.then((res) => {
    callSafely(readField(options, 'response' in res ? 'success' : 'fail'), res)
    callSafely(readField(options, 'complete'), res)
  })
}
