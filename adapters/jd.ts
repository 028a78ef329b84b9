import type { Adapter } from '../src/adapter.js'
import { readHostValue } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, readUserInfoCountry, type ErrMsgPhrases } from '../src/user-info.js'
import type { LoginMethod } from '../src/login.js'
import { callLoginApi, mapCodeSuccess, mapLoginFailure } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const jd: unknown

// ⚠️ JD is known from community code only (platforms.md §9): WeChat-like payloads and phrases.
const jdErrMsgPhrases: ErrMsgPhrases = [
  ['auth deny', 'USER_DENIED'], // a refusal
  ['unauthorized', 'AUTHORIZATION_REQUIRED'], // WeChat's "getUserInfo:fail scope unauthorized": never asked yet
]

/** JD: `jd.getUserInfo` after the `<button open-type="getUserInfo">` authorisation. */
export const adapter: Adapter<'jd'> = {
  runtime: 'jd',
  authorizeButton: { openType: 'getUserInfo', event: 'getuserinfo' },
  readGlobals: () => ({ jd: typeof jd === 'undefined' ? undefined : jd }),
  detect: (globals) => isRecord(readHostValue(globals, 'jd')),
  request: (globals, _options, callbacks) => callHostApi(globals, 'jd', 'getUserInfo', callbacks, 'jd'),
  mapSuccess: (nativePayload) => mapUserInfoSuccess(nativePayload, 'jd'),
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'jd', jdErrMsgPhrases),
  readCountryName: readUserInfoCountry,
}

/** `jd.login` → `{ code }` ⚠️ (platforms.md §13: payload unconfirmed). */
export const login: LoginMethod<'jd'> = {
  runtime: 'jd',
  request: (globals, _options, callbacks) => callLoginApi(globals, 'jd', 'login', {}, callbacks, 'jd'),
  mapSuccess: (nativePayload) => mapCodeSuccess(nativePayload, 'jd'),
  mapFailure: (nativePayload) => mapLoginFailure(nativePayload, 'jd'),
}
