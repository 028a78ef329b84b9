import type { Adapter, NativeCallbacks } from '../src/adapter.js'
import { createError } from '../src/create-error.js'
import type { ErrorCode } from '../src/errors.js'
import { readHostValue, readSystemInfo } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, readUserInfoCountry, type ErrMsgPhrases } from '../src/user-info.js'
import type { LoginMethod } from '../src/login.js'
import { callLoginApi, mapCodeSuccess, mapLoginFailure } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const wx: unknown
declare const __wxConfig: unknown
declare const qq: unknown

// Shown in the consent popup when the caller gives no `desc`: "used to show your avatar and nickname".
const DEFAULT_DESC = '用于展示你的头像和昵称'
// "不超过30个字符" (platforms.md §3.2). ⚠️ Whether WeChat counts UTF-16 units or code points is undocumented, so
// the stricter reading (UTF-16 units, `length`) is enforced: a desc that passes here passes under either reading.
const DESC_MAX_CHARACTERS = 30
// What `wx.getUserProfile` returns for versions published after 2022-11-08 (platforms.md §3.2).
const ANONYMOUS_NICKNAME = '微信用户'

// errno values of the privacy flow (platforms.md §3.4; community sources, ⚠️ not on the official page).
const wechatErrnoCodes = new Map<number, ErrorCode>([
  [104, 'PRIVACY_NOT_AUTHORIZED'], // privacy permission is not authorized
  [112, 'PRIVACY_NOT_AUTHORIZED'], // api scope is not declared in the privacy agreement
])

// Phrases of `errMsg`, matched as substrings because the prefix and trailing period vary (platforms.md §3.4, ⚠️ community).
const wechatErrMsgPhrases: ErrMsgPhrases = [
  ['auth den', 'USER_DENIED'], // "getUserProfile:fail auth deny" and the "auth denied" variant
  ['tap gesture', 'NOT_USER_GESTURE'], // "…can only be invoked by user TAP gesture."
  ['privacy', 'PRIVACY_NOT_AUTHORIZED'], // errno 104 / 112 messages, when errno is missing
  ['desc length', 'INVALID_OPTIONS'], // "…desc length does not meet the requirements"
]

/** WeChat: `wx.getUserProfile`, which only works when called synchronously inside a tap handler. */
export const adapter: Adapter<'wechat'> = {
  runtime: 'wechat',
  authorizeButton: { event: 'tap' },
  // Since 2022-11-08 getUserProfile answers "微信用户"; the real profile is filled in (platforms.md §17.1).
  fillIn: true,
  readGlobals: () => ({ wx: typeof wx === 'undefined' ? undefined : wx, __wxConfig: typeof __wxConfig === 'undefined' ? undefined : __wxConfig, qq: typeof qq === 'undefined' ? undefined : qq }),

  detect(globals) {
    const wx = readHostValue(globals, 'wx')
    // `__wxConfig` is set by the WeChat app service. QQ also runs `wx` code (it has `qq` too), and so does QQ
    // Browser: "通过 wx.getSystemInfoSync().isQB 判断"; neither is WeChat (platforms.md §3.5, §6).
    return (
      isRecord(wx) &&
      readHostValue(globals, '__wxConfig') !== undefined &&
      readHostValue(globals, 'qq') === undefined &&
      readSystemInfo(wx, 'isQB') !== true
    )
  },

  request(globals, options, callbacks) {
    const desc = options.desc === undefined ? DEFAULT_DESC : options.desc
    if (desc === '' || desc.length > DESC_MAX_CHARACTERS) {
      return createError('INVALID_OPTIONS', 'wechat', {
        advice: `desc must be 1 to ${DESC_MAX_CHARACTERS} characters`,
      })
    }
    // Synchronous on purpose: WeChat only honours the call while the tap handler is still running.
    const nativeOptions: Pick<WechatMiniprogram.GetUserProfileOption, 'desc'> & NativeCallbacks = { desc, success: callbacks.success, fail: callbacks.fail }
    return callHostApi(globals, 'wx', 'getUserProfile', nativeOptions, 'wechat',
      'wx.getUserProfile needs base library 2.10.4+ (not in plugins).')
  },

  // The anonymised profile ("微信用户", grey avatar, no gender or region) is passed on as it is (§3.2, §3.3).
  mapSuccess: (nativePayload) => mapUserInfoSuccess(nativePayload, 'wechat'),
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'wechat', wechatErrMsgPhrases, wechatErrnoCodes),
  readCountryName: readUserInfoCountry,
  isPlaceholder: (nickName) => nickName === ANONYMOUS_NICKNAME,
}

/** `wx.login` → `{ code }`, valid 5 minutes; the server calls `code2Session` (platforms.md §13). */
export const login: LoginMethod<'wechat'> = {
  runtime: 'wechat',
  request: (globals, _options, callbacks) => callLoginApi(globals, 'wx', 'login', {}, callbacks, 'wechat'),
  mapSuccess: (nativePayload) => mapCodeSuccess(nativePayload, 'wechat'),
  mapFailure: (nativePayload) => mapLoginFailure(nativePayload, 'wechat'),
}
