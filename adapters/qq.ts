import type { Adapter } from '../src/adapter.js'
import { readHostValue } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, readUserInfoCountry, type ErrMsgPhrases } from '../src/user-info.js'
import type { LoginMethod } from '../src/login.js'
import { callLoginApi, mapCodeSuccess, mapLoginFailure } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const qq: unknown

// "在用户未授权过的情况下调用此接口，将不再出现授权弹窗，会直接进入 fail 回调" (platforms.md §6): a fail about the
// grant means the user has not authorised yet; the `<button open-type="getUserInfo">` is the way to ask. "auth deny"
// is a refusal, as on every host. ⚠️ QQ's errMsg strings are unconfirmed, so the other phrases are broad.
const qqErrMsgPhrases: ErrMsgPhrases = [
  ['auth deny', 'USER_DENIED'], // WeChat's "getUserInfo:fail auth deny" after a refusal
  ['auth', 'AUTHORIZATION_REQUIRED'], // "scope unauthorized", "authorize"
  ['scope', 'AUTHORIZATION_REQUIRED'], // "scope.userInfo …"
]

/** QQ: `qq.getUserInfo`, which answers only after the user authorised through a getUserInfo button. */
export const adapter: Adapter<'qq'> = {
  runtime: 'qq',
  authorizeButton: { openType: 'getUserInfo', event: 'getuserinfo' },
  readGlobals: () => ({ qq: typeof qq === 'undefined' ? undefined : qq }),
  // QQ also runs `wx` code (platforms.md §6), so `qq` decides; it comes before WeChat in detection.
  detect: (globals) => isRecord(readHostValue(globals, 'qq')),
  request: (globals, _options, callbacks) => callHostApi(globals, 'qq', 'getUserInfo', callbacks, 'qq'),
  mapSuccess: (nativePayload) => mapUserInfoSuccess(nativePayload, 'qq'),
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'qq', qqErrMsgPhrases),
  readCountryName: readUserInfoCountry,
}

/** `qq.login` → `{ code }` ⚠️ (platforms.md §13: payload unconfirmed); the server calls `api.q.qq.com/sns/jscode2session`. */
export const login: LoginMethod<'qq'> = {
  runtime: 'qq',
  request: (globals, _options, callbacks) => callLoginApi(globals, 'qq', 'login', {}, callbacks, 'qq'),
  mapSuccess: (nativePayload) => mapCodeSuccess(nativePayload, 'qq'),
  mapFailure: (nativePayload) => mapLoginFailure(nativePayload, 'qq'),
}
