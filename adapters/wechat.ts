import type { Adapter } from '../src/adapter.js'
import { createError } from '../src/create-error.js'
import type { ErrorCode, UserProfileError } from '../src/errors.js'
import { isRecord, readField, readHostValue, readString, toOpenUserInfo } from '../src/normalize.js'
import type { OpenUserInfo } from '../src/types.js'

// Shown in the consent popup when the caller gives no `desc`: "used to show your avatar and nickname".
const DEFAULT_DESC = '用于展示你的头像和昵称'
// "不超过30个字符" (platforms.md §3.2). ⚠️ Whether WeChat counts UTF-16 units or code points is undocumented, so
// the stricter reading (UTF-16 units, `length`) is enforced: a desc that passes here passes under either reading.
const DESC_MAX_CHARACTERS = 30

// errno values of the privacy flow (platforms.md §3.4; community sources, ⚠️ not on the official page).
const wechatErrnoCodes = new Map<number, ErrorCode>([
  [104, 'PRIVACY_NOT_AUTHORIZED'], // privacy permission is not authorized
  [112, 'PRIVACY_NOT_AUTHORIZED'], // api scope is not declared in the privacy agreement
])

// Phrases of `errMsg`, matched as substrings because the prefix and trailing period vary (platforms.md §3.4, ⚠️ community).
const wechatErrMsgPhrases: readonly (readonly [string, ErrorCode])[] = [
  ['auth den', 'USER_DENIED'], // "getUserProfile:fail auth deny" and the "auth denied" variant
  ['tap gesture', 'NOT_USER_GESTURE'], // "…can only be invoked by user TAP gesture."
  ['privacy', 'PRIVACY_NOT_AUTHORIZED'], // errno 104 / 112 messages, when errno is missing
  ['desc length', 'INVALID_OPTIONS'], // "…desc length does not meet the requirements"
]

function mapSuccess(nativePayload: unknown): OpenUserInfo | UserProfileError {
  const userInfo = readField(nativePayload, 'userInfo')
  if (!isRecord(userInfo)) return createError('MALFORMED_RESPONSE', 'wechat')
  // The anonymised profile ("微信用户", grey avatar, no gender or region) is what WeChat returns since 2022-11-08:
  // it is passed on as it is, and `country` is a localised name, never an ISO code (§3.2, §3.3).
  return toOpenUserInfo({
    avatar: readField(userInfo, 'avatarUrl'),
    gender: readField(userInfo, 'gender'),
    nickName: readField(userInfo, 'nickName'),
  })
}

function mapFailure(nativePayload: unknown): UserProfileError {
  const errno = readField(nativePayload, 'errno')
  const nativeMessage = readString(nativePayload, 'errMsg')
  const lowered = nativeMessage === undefined ? '' : nativeMessage.toLowerCase()
  let code = typeof errno === 'number' ? wechatErrnoCodes.get(errno) : undefined
  for (const [phrase, phraseCode] of wechatErrMsgPhrases) {
    if (code === undefined && lowered.indexOf(phrase) !== -1) code = phraseCode
  }
  return createError(code || 'NATIVE_ERROR', 'wechat', {
    nativeCode: typeof errno === 'number' ? errno : undefined,
    nativeMessage,
  })
}

/** WeChat: `wx.getUserProfile`, which only works when called synchronously inside a tap handler. */
export const wechat: Adapter = {
  runtime: 'wechat',
  authorizeButton: { event: 'tap' },

  detect(globals) {
    // `__wxConfig` is set by the WeChat app service; a bare `wx` also exists in QQ and QQ Browser (platforms.md §3.5).
    return isRecord(readHostValue(globals, 'wx')) && readHostValue(globals, '__wxConfig') !== undefined
  },

  request(globals, options, callbacks) {
    const wx = readHostValue(globals, 'wx')
    const getUserProfile = readHostValue(wx, 'getUserProfile')
    const desc = options.desc === undefined ? DEFAULT_DESC : options.desc
    if (desc === '' || desc.length > DESC_MAX_CHARACTERS) {
      return createError('INVALID_OPTIONS', 'wechat', {
        advice: `WeChat needs a non-empty desc of at most ${DESC_MAX_CHARACTERS} characters; shorten it.`,
      })
    }
    if (typeof getUserProfile !== 'function') {
      return createError('UNSUPPORTED', 'wechat', {
        advice: 'wx.getUserProfile is missing: it needs base library 2.10.4+ and is not available in plugins.',
      })
    }
    // Synchronous on purpose: WeChat only honours the call while the tap handler is still running.
    const nativeOptions: WechatMiniprogram.GetUserProfileOption = {
      desc,
      success: callbacks.success,
      fail: callbacks.fail,
    }
    getUserProfile.call(wx, nativeOptions)
    return undefined
  },

  mapSuccess,
  mapFailure,
}
