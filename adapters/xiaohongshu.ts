import type { Adapter } from '../src/adapter.js'
import { readHostValue } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, type ErrMsgPhrases } from '../src/user-info.js'
import type { LoginMethod } from '../src/login.js'
import { callLoginApi, mapCodeSuccess, mapLoginFailure } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const xhs: unknown

// ⚠️ Sources conflict (platforms.md §10): one says there is no `xhs.getUserInfo` and the profile comes only
// with the getUserInfo button's event; a test file mocks `xhs.getUserInfo`. Use it where it exists.
const xiaohongshuErrMsgPhrases: ErrMsgPhrases = [
  ['auth deny', 'USER_DENIED'], // a refusal
  ['unauthorized', 'AUTHORIZATION_REQUIRED'], // WeChat's "getUserInfo:fail scope unauthorized": never asked yet
]

/** Xiaohongshu: `xhs.getUserInfo` where the host has it, else `UNSUPPORTED` with the button path as advice. */
export const adapter: Adapter<'xiaohongshu'> = {
  runtime: 'xiaohongshu',
  authorizeButton: { openType: 'getUserInfo', event: 'getuserinfo' },
  readGlobals: () => ({ xhs: typeof xhs === 'undefined' ? undefined : xhs }),
  detect: (globals) => isRecord(readHostValue(globals, 'xhs')),
  request: (globals, _options, callbacks) =>
    callHostApi(globals, 'xhs', 'getUserInfo', callbacks, 'xiaohongshu',
      'xhs.getUserInfo is missing: use <button open-type="getUserInfo" bindgetuserinfo> and fromUserInfoEvent(event).'),
  mapSuccess: (nativePayload) => mapUserInfoSuccess(nativePayload, 'xiaohongshu'),
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'xiaohongshu', xiaohongshuErrMsgPhrases),
}

/** `xhs.login` → `{ code }` (platforms.md §13). */
export const login: LoginMethod<'xiaohongshu'> = {
  runtime: 'xiaohongshu',
  request: (globals, _options, callbacks) => callLoginApi(globals, 'xhs', 'login', {}, callbacks, 'xiaohongshu'),
  mapSuccess: (nativePayload) => mapCodeSuccess(nativePayload, 'xiaohongshu'),
  mapFailure: (nativePayload) => mapLoginFailure(nativePayload, 'xiaohongshu'),
}
