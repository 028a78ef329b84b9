import type { Adapter } from '../src/adapter.js'
import { UserProfileError } from '../src/errors.js'
import { readAppName, readHostValue } from '../src/host.js'
import { isRecord, readField, readString } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, readUserInfoCountry, type ErrMsgPhrases } from '../src/user-info.js'
import type { LoginMethod } from '../src/login.js'
import type { LoginCode } from '../src/login-types.js'
import { createError } from '../src/create-error.js'
import { callLoginApi, defineField, mapLoginFailure } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const tt: unknown

// `tt.getSystemInfoSync().appName` of the ByteDance host that is not Douyin: Feishu/Lark share `tt` (platforms.md §4.5, §5).
// ⚠️ 'Lark' is unconfirmed; both spellings are ruled out, case-insensitively.
const feishuAppNames = ['feishu', 'lark']

// Substrings of `errMsg` (platforms.md §4.4: button doc, ⚠️ community for the tap rule).
const douyinErrMsgPhrases: ErrMsgPhrases = [
  ['auth deny', 'USER_DENIED'], // "getUserInfo:fail auth deny": the user refused, or the permission is off in settings
  // "getUserInfo:fail not login": the Douyin user is not logged in, and Douyin has no consent button to point at.
  ['not login', 'AUTHORIZATION_REQUIRED', "pass force: true to show Douyin's login, or call tt.login first"],
  ['tap gesture', 'NOT_USER_GESTURE'], // "getUserProfile:fail must be invoked by user tap gesture"
  ['privacy', 'PRIVACY_NOT_AUTHORIZED'], // "fail api scope is not declared in the privacy agreement" (§17.2)
]

// The name and avatar pairs tt.getUserInfo answered: anonymous data (§17.2), the same for every user, kept in memory
// only and only the last few, so isPlaceholderProfile recognises them by value.
const anonymousProfiles: string[] = []
function rememberAnonymous(info: { nickName: string; avatar: string }): void {
  if (anonymousProfiles.unshift(info.nickName + '\n' + info.avatar) > 8) anonymousProfiles.pop()
}

/** Douyin, Toutiao, Xigua and the other ByteDance apps: `tt.getUserProfile` inside the tap, else `tt.getUserInfo`. */
export const adapter: Adapter<'douyin'> = {
  runtime: 'douyin',
  authorizeButton: { event: 'tap' },
  readGlobals: () => ({ tt: typeof tt === 'undefined' ? undefined : tt }),

  detect(globals) {
    const tt = readHostValue(globals, 'tt')
    return isRecord(tt) && feishuAppNames.indexOf(readAppName(tt, 'appName')) === -1
  },

  request(globals, options, callbacks) {
    // getUserProfile (base lib 2.30.0) "只可在 tap 事件回调中调用"; getUserInfo "将逐步废弃" but is all older hosts have.
    const hasProfileApi = typeof readHostValue(readHostValue(globals, 'tt'), 'getUserProfile') === 'function'
    if (!hasProfileApi) {
      // The fallback's answer is a placeholder whatever its errMsg says (see mapSuccess): name the API it came from.
      const success = (payload: unknown) => callbacks.success(isRecord(payload) ? Object.assign({}, payload, { errMsg: 'getUserInfo:ok' }) : payload)
      return callHostApi(globals, 'tt', 'getUserInfo', { success, fail: callbacks.fail }, 'douyin')
    }
    const nativeOptions = options.force === undefined ? callbacks : { force: options.force, success: callbacks.success, fail: callbacks.fail } // no `desc` on Douyin (§4.2)
    return callHostApi(globals, 'tt', 'getUserProfile', nativeOptions, 'douyin')
  },

  mapSuccess(nativePayload) {
    const result = mapUserInfoSuccess(nativePayload, 'douyin')
    // tt.getUserInfo ("errMsg": "getUserInfo:ok", tt.getUserInfo page) answers anonymous data (the 2021-11-25
    // announcement; devtools 3.2.0+, platforms.md §17.2): a placeholder, never a profile. getUserProfile says its own name.
    const api = readString(nativePayload, 'errMsg')
    if (!(result instanceof UserProfileError) && api !== undefined && api.indexOf('getUserInfo:') === 0) rememberAnonymous(result)
    return result
  },
  // By value, so any copy (a spread, JSON, the caller's own object) is still recognised.
  isPlaceholder: (nickName, avatar) => anonymousProfiles.indexOf(nickName + '\n' + avatar) !== -1,
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'douyin', douyinErrMsgPhrases),
  readCountryName: readUserInfoCountry,
}

/**
 * `tt.login({ force })` → `{ code, anonymousCode, isLogin }`, each valid 5 minutes; `force` defaults to true on
 * Douyin (login page when logged out). Logged out with `force: false` there is no `code`, only `anonymousCode`
 * (Taro's and the Douyin typings). The server calls `apps/v2/jscode2session` with `code` or `anonymous_code` (§13).
 */
export const login: LoginMethod<'douyin'> = {
  runtime: 'douyin',
  request: (globals, options, callbacks) => callLoginApi(globals, 'tt', 'login', options.force === undefined ? {} : { force: options.force }, callbacks, 'douyin'),
  mapSuccess(nativePayload) {
    const rawCode = readField(nativePayload, 'code')
    const code = typeof rawCode === 'string' ? rawCode : ''
    const anonymousCode = readString(nativePayload, 'anonymousCode')
    const isLogin = readField(nativePayload, 'isLogin')
    // No code is only for a logged-out user (force: false), who still has the device's anonymousCode.
    if ((rawCode !== undefined && typeof rawCode !== 'string') || (!code && (!anonymousCode || isLogin === true))) {
      return createError('MALFORMED_RESPONSE', 'douyin', { advice: 'no login code in the answer' })
    }
    const result: LoginCode = { code, runtime: 'douyin' }
    if (anonymousCode) defineField(result, 'anonymousCode', anonymousCode)
    if (typeof isLogin === 'boolean') defineField(result, 'isLogin', isLogin)
    return result
  },
  mapFailure: (nativePayload) => mapLoginFailure(nativePayload, 'douyin'),
}
