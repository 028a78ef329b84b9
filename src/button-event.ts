// The profile a getUserInfo button already delivered (QQ, Baidu, Kuaishou, JD, Xiaohongshu: `bindgetuserinfo`'s
// `event.detail` is the same payload as the host's getUserInfo answer, platforms.md §6–§10), read without a second
// native call. Which runtimes qualify is the adapters' data: their consent button is `open-type="getUserInfo"`.
import type { Adapter } from './adapter.js'
import { createError } from './create-error.js'
import { UserProfileError } from './errors.js'
import { findAdapter } from './detect.js'
import { withCountry } from './facade.js'
import { isRecord, readField, readString } from './normalize.js'
import type { OpenUserInfo, UserInfoEventOptions } from './types.js'

/** `event.detail` of a native, Taro or uni-app event (all three carry `detail`); a bare detail is read as it is. */
export function readEventDetail(event: unknown): unknown {
  const detail = readField(event, 'detail')
  return isRecord(detail) ? detail : event
}

function pickButtonAdapter(adapters: readonly Adapter[], runtime: unknown): Adapter | UserProfileError {
  const adapter = runtime === undefined ? findAdapter(adapters) : adapters.filter((candidate) => candidate.runtime === runtime)[0]
  if (adapter && adapter.authorizeButton && adapter.authorizeButton.openType === 'getUserInfo') return adapter
  return createError('UNSUPPORTED', adapter ? adapter.runtime : null, {
    advice: "this runtime's consent control carries no profile; call getUserProfile() from it (getAuthorizeButton() says how).",
  })
}

function readButtonEvent(adapters: readonly Adapter[], event: unknown, options: UserInfoEventOptions | undefined): OpenUserInfo | UserProfileError {
  const adapter = pickButtonAdapter(adapters, readField(options, 'runtime'))
  if (adapter instanceof UserProfileError) return adapter
  const detail = readEventDetail(event)
  const errMsg = readString(detail, 'errMsg')
  if (errMsg !== undefined && errMsg.indexOf(':fail') !== -1) {
    const error = adapter.mapFailure(detail)
    // A fail at the button is the user's answer to the button itself: never "call it from the button handler".
    if (error.code !== 'AUTHORIZATION_REQUIRED') return error
    return createError('USER_DENIED', adapter.runtime, { nativeCode: error.nativeCode, nativeMessage: error.nativeMessage })
  }
  return withCountry(adapter, adapter.mapSuccess(detail), detail, readField(options, 'resolveCountry'))
}

/** Reads the profile from a getUserInfo button's event; settles at once, never throws. */
export function fromUserInfoEvent(adapters: readonly Adapter[], event: unknown, options?: UserInfoEventOptions): Promise<OpenUserInfo> {
  let result: OpenUserInfo | UserProfileError
  try {
    result = readButtonEvent(adapters, event, options)
  } catch {
    result = createError('MALFORMED_RESPONSE', null)
  }
  return result instanceof UserProfileError ? Promise.reject(result) : Promise.resolve(result)
}
