import type { Adapter } from '../src/adapter.js'
import { readJd } from '../src/globals.js'
import { isRecord, readHostValue } from '../src/normalize.js'
import { callHostApi, mapErrMsgFailure, mapUserInfoSuccess, readUserInfoCountry, type ErrMsgPhrases } from '../src/user-info.js'

// ⚠️ JD is known from community code only (platforms.md §9): WeChat-like payloads and phrases.
const jdErrMsgPhrases: ErrMsgPhrases = [['auth deny', 'USER_DENIED']]

/** JD: `jd.getUserInfo` after the `<button open-type="getUserInfo">` authorisation. */
export const jd: Adapter = {
  runtime: 'jd',
  authorizeButton: { openType: 'getUserInfo', event: 'getuserinfo' },
  readGlobals: () => ({ jd: readJd() }),
  detect: (globals) => isRecord(readHostValue(globals, 'jd')),
  request: (globals, _options, callbacks) => callHostApi(globals, 'jd', 'getUserInfo', callbacks, 'jd'),
  mapSuccess: (nativePayload) => mapUserInfoSuccess(nativePayload, 'jd'),
  mapFailure: (nativePayload) => mapErrMsgFailure(nativePayload, 'jd', jdErrMsgPhrases),
  readCountryName: readUserInfoCountry,
}
