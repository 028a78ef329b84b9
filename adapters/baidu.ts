import type { Adapter } from '../src/adapter.js'
import { readHostValue } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, type ErrMsgPhrases } from '../src/user-info.js'
import type { LoginMethod } from '../src/login.js'
import { callLoginApi, mapCodeSuccess, mapLoginFailure } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const swan: unknown

// "若用户未登录或者拒绝授权，会返回默认用户"百度网友"及默认的头像地址" (platforms.md §7): a result, not an error.
const ANONYMOUS_NICKNAME = '百度网友'

// ⚠️ Baidu's error strings were not collected (§7); only the common refusal phrase is mapped.
const baiduErrMsgPhrases: ErrMsgPhrases = [['auth deny', 'USER_DENIED']]

/** Baidu: `swan.getUserInfo` after the `<button open-type="getUserInfo">` authorisation. */
export const adapter: Adapter<'baidu'> = {
  runtime: 'baidu',
  authorizeButton: { openType: 'getUserInfo', event: 'getuserinfo' },
  readGlobals: () => ({ swan: typeof swan === 'undefined' ? undefined : swan }),
  detect: (globals) => isRecord(readHostValue(globals, 'swan')),
  request: (globals, _options, callbacks) => callHostApi(globals, 'swan', 'getUserInfo', callbacks, 'baidu'),
  // gender is a number 0/1/2, or a string in older docs: the shared rules read both (§7).
  mapSuccess: (nativePayload) => mapUserInfoSuccess(nativePayload, 'baidu'),
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'baidu', baiduErrMsgPhrases),
  isPlaceholder: (nickName) => nickName === ANONYMOUS_NICKNAME,
}

/**
 * `swan.getLoginCode` where the host has it (the and uni-app's mapping ⚠️ not found in Baidu's stored docs),
 * else the documented `swan.login` → `{ code }`, valid 10 minutes; the server calls `oauth/jscode2sessionkey` (§13).
 */
export const login: LoginMethod<'baidu'> = {
  runtime: 'baidu',
  request: (globals, _options, callbacks) =>
    callLoginApi(globals, 'swan', typeof readHostValue(readHostValue(globals, 'swan'), 'getLoginCode') === 'function' ? 'getLoginCode' : 'login', {}, callbacks, 'baidu'),
  mapSuccess: (nativePayload) => mapCodeSuccess(nativePayload, 'baidu'),
  mapFailure: (nativePayload) => mapLoginFailure(nativePayload, 'baidu'),
}
