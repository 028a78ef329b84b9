import type { Adapter } from '../src/adapter.js'
import { readAppName, readHostValue } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, type ErrMsgPhrases } from '../src/user-info.js'
import type { LoginMethod } from '../src/login.js'
import { callLoginApi, mapCodeSuccess, mapLoginFailure } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const tt: unknown

// Feishu (China) and Lark (international) share `tt` with Douyin (platforms.md §5). ⚠️ 'Lark' is unconfirmed.
const feishuAppNames = ['feishu', 'lark']

// ⚠️ The client error strings are unconfirmed (§5); these are the ByteDance phrases of §4.4.
const feishuErrMsgPhrases: ErrMsgPhrases = [
  ['auth deny', 'USER_DENIED'],
  // A tap runtime: "not login" asks for the Feishu login (tt.login; tt.requestAccess on 6.9.0+, §17.3), not a button.
  ['not login', 'AUTHORIZATION_REQUIRED', 'log the user in to Feishu first (tt.login)'],
]

/** Feishu / Lark: `tt.getUserInfo` → `{ userInfo: { nickName, avatarUrl } }`; the rest is mapped as the host gives it. */
export const adapter: Adapter<'feishu'> = {
  runtime: 'feishu',
  authorizeButton: { event: 'tap' },
  readGlobals: () => ({ tt: typeof tt === 'undefined' ? undefined : tt }),

  detect(globals) {
    const tt = readHostValue(globals, 'tt')
    return isRecord(tt) && feishuAppNames.indexOf(readAppName(tt, 'appName')) !== -1
  },

  request: (globals, _options, callbacks) => callHostApi(globals, 'tt', 'getUserInfo', callbacks, 'feishu'),
  mapSuccess: (nativePayload) => mapUserInfoSuccess(nativePayload, 'feishu'),
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'feishu', feishuErrMsgPhrases),
}

/**
 * `tt.requestAccess({ scopeList: [] })` (Feishu 6.9.0+; an empty list asks only for the login code), else the legacy
 * `tt.login`, "已停止维护": both give `{ code }`, valid 3 minutes, single use (open.larkoffice.com login and
 * requestAccess pages; platforms.md §17.3). The server exchanges it at `mina/v2/tokenLoginValidate`.
 */
export const login: LoginMethod<'feishu'> = {
  runtime: 'feishu',
  request: (globals, _options, callbacks) =>
    typeof readHostValue(readHostValue(globals, 'tt'), 'requestAccess') === 'function'
      ? callLoginApi(globals, 'tt', 'requestAccess', { scopeList: [] }, callbacks, 'feishu')
      : callLoginApi(globals, 'tt', 'login', {}, callbacks, 'feishu'),
  mapSuccess: (nativePayload) => mapCodeSuccess(nativePayload, 'feishu'),
  mapFailure: (nativePayload) => mapLoginFailure(nativePayload, 'feishu'),
}
