import type { Adapter } from '../src/adapter.js'
import { readHostValue } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, type ErrMsgPhrases } from '../src/user-info.js'
import type { LoginMethod } from '../src/login.js'
import { callLoginApi, mapCodeSuccess, mapLoginFailure } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const ks: unknown

// The error table starts "auth deny 用户…" and is cut off in the stored copy (platforms.md §8, ⚠️).
const kuaishouErrMsgPhrases: ErrMsgPhrases = [
  ['auth deny', 'USER_DENIED'], // a refusal
  ['unauthorized', 'AUTHORIZATION_REQUIRED'], // WeChat's "getUserInfo:fail scope unauthorized": never asked yet
]

/** Kuaishou: `ks.getUserInfo` (base lib 1.26.1) → `{ userInfo: { nickName, avatarUrl } }`, after scope.userInfo. */
export const adapter: Adapter<'kuaishou'> = {
  runtime: 'kuaishou',
  readGlobals: () => ({ ks: typeof ks === 'undefined' ? undefined : ks }),
  // ⚠️ The consent control is unconfirmed (§8); the getUserInfo button is the convention of its peers.
  authorizeButton: { openType: 'getUserInfo', event: 'getuserinfo' },
  detect: (globals) => isRecord(readHostValue(globals, 'ks')),
  request: (globals, _options, callbacks) => callHostApi(globals, 'ks', 'getUserInfo', callbacks, 'kuaishou'),
  // Mini games give gender "M"/"F" as a string; the shared rules read it (§8).
  mapSuccess: (nativePayload) => mapUserInfoSuccess(nativePayload, 'kuaishou'),
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'kuaishou', kuaishouErrMsgPhrases),
}

/** `ks.login` → `{ code }` ⚠️ (platforms.md §13: payload unconfirmed); the server calls `oauth2/mp/code2session`. */
export const login: LoginMethod<'kuaishou'> = {
  runtime: 'kuaishou',
  request: (globals, _options, callbacks) => callLoginApi(globals, 'ks', 'login', {}, callbacks, 'kuaishou'),
  mapSuccess: (nativePayload) => mapCodeSuccess(nativePayload, 'kuaishou'),
  mapFailure: (nativePayload) => mapLoginFailure(nativePayload, 'kuaishou'),
}
