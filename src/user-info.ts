import type { NativeCallbacks } from './adapter.js'
import { createError } from './create-error.js'
import type { ErrorCode, UserProfileError } from './errors.js'
import { readHostValue } from './host.js'
import { readField, readNativeNumber, readString, toOpenUserInfo } from './normalize.js'
import type { OpenUserInfo, RuntimeName } from './types.js'

// Helpers for the hosts that follow the WeChat convention: `success({ userInfo: { nickName, avatarUrl, gender,
// country } })` and `fail({ errMsg, errno? })`. The adapters stay a table of phrases and a name or two.

/**
 * `[phrase, code, advice?]` rows matched as lower-case substrings of `errMsg`, first match wins. `advice` replaces the
 * standard one where it would point at something the host lacks (Douyin's "not login" has no button to call from).
 */
export type ErrMsgPhrases = readonly (readonly [string, ErrorCode, string?])[]

/**
 * Calls `host[api](options)` synchronously; `UNSUPPORTED` when the host lacks the API. `options` holds the callbacks:
 * the `callbacks` object itself, or a literal with them and the API's own fields.
 */
export function callHostApi(
  globals: object,
  hostName: string,
  api: string,
  options: NativeCallbacks,
  runtime: RuntimeName,
  missingAdvice = `${hostName}.${api} is missing in this host version.`,
): UserProfileError | undefined {
  const host = readHostValue(globals, hostName)
  const method = readHostValue(host, api)
  if (typeof method !== 'function') return createError('UNSUPPORTED', runtime, { advice: missingAdvice })
  method.call(host, options)
  return undefined
}

export function mapUserInfoSuccess(nativePayload: unknown, runtime: RuntimeName): OpenUserInfo | UserProfileError {
  const userInfo = readField(nativePayload, 'userInfo')
  const picked = { avatar: readField(userInfo, 'avatarUrl'), gender: readField(userInfo, 'gender'), nickName: readField(userInfo, 'nickName') }
  // A userInfo with none of its fields is a shape we cannot read, not an empty profile.
  if (picked.avatar === undefined && picked.gender === undefined && picked.nickName === undefined) {
    return createError('MALFORMED_RESPONSE', runtime)
  }
  // `country` is a localized name, never a code: it reaches `nationality` only through the caller's resolveCountry.
  return toOpenUserInfo(picked)
}

export function readUserInfoCountry(nativePayload: unknown): string | undefined {
  return readString(readField(nativePayload, 'userInfo'), 'country')
}

export function mapErrMsgFailure(
  nativePayload: unknown,
  runtime: RuntimeName,
  phrases: ErrMsgPhrases,
  errnoCodes?: Map<number, ErrorCode>,
): UserProfileError {
  // WeChat says `errno`, the Douyin typings `errNo`, mini games `{ code, msg }` (platforms.md §3.4, §4.4, §8).
  let nativeCode: number | undefined
  for (const key of ['errno', 'errNo', 'code']) if (nativeCode === undefined) nativeCode = readNativeNumber(nativePayload, key)
  const errMsg = readString(nativePayload, 'errMsg')
  const nativeMessage = errMsg === undefined ? readString(nativePayload, 'msg') : errMsg
  const lowered = nativeMessage === undefined ? '' : nativeMessage.toLowerCase()
  let code = nativeCode !== undefined && errnoCodes ? errnoCodes.get(nativeCode) : undefined
  let advice: string | undefined
  for (const [phrase, phraseCode, phraseAdvice] of phrases) {
    if (code === undefined && lowered.indexOf(phrase) !== -1) {
      code = phraseCode
      advice = phraseAdvice
    }
  }
  return createError(code || 'NATIVE_ERROR', runtime, { nativeCode, nativeMessage, advice })
}

