import type { Adapter } from '../src/adapter.js'
import { readAppName, readHostValue } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, type ErrMsgPhrases } from '../src/user-info.js'

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
