import type { Adapter } from '../src/adapter.js'
import { createError } from '../src/create-error.js'
import { readAppName, readHostValue } from '../src/host.js'
import { isRecord } from '../src/normalize.js'
import type { LoginMethod } from '../src/login.js'
import { callAuthCodeApi, mapAuthCodeFailure, mapAuthCodeSuccess } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const dd: unknown
declare const my: unknown

/**
 * DingTalk has no client profile API (platforms.md §11): the profile comes from the server after
 * `dd.getAuthCode({ corpId })`. Detected so that callers get that advice rather than a wrong runtime.
 */
export const adapter: Adapter<'dingtalk'> = {
  runtime: 'dingtalk',
  readGlobals: () => ({ dd: typeof dd === 'undefined' ? undefined : dd, my: typeof my === 'undefined' ? undefined : my }),

  detect(globals) {
    // `dd` is DingTalk's own global; its `my` reports app "DINGTALK" (Alipay doc, §2.5).
    return isRecord(readHostValue(globals, 'dd')) || readAppName(readHostValue(globals, 'my'), 'app') === 'dingtalk'
  },

  request() {
    return createError('UNSUPPORTED', 'dingtalk', {
      advice:
        'DingTalk has no client profile API. Call dd.getAuthCode({ corpId }) and fetch the profile on your server (/user/getuserinfo).',
    })
  },

  mapSuccess: () => createError('UNSUPPORTED', 'dingtalk'),
  mapFailure: () => createError('UNSUPPORTED', 'dingtalk'),
}

/**
 * `dd.getAuthCode({ corpId })` → `{ authCode }` (DingTalk's `my` where there is no `dd`); the server calls
 * `/topapi/v2/user/getuserinfo` (platforms.md §11, §13: "corpId is required", so none is asked for without one).
 */
export const login: LoginMethod<'dingtalk'> = {
  runtime: 'dingtalk',
  authCodeNumbers: true,
  request(globals, options, callbacks) {
    if (!options.corpId) return createError('INVALID_OPTIONS', 'dingtalk', { advice: 'pass corpId: dd.getAuthCode needs it' })
    return callAuthCodeApi(globals, isRecord(readHostValue(globals, 'dd')) ? 'dd' : 'my', { corpId: options.corpId }, callbacks, 'dingtalk')
  },
  mapSuccess: (nativePayload) => mapAuthCodeSuccess(nativePayload, 'dingtalk'),
  mapFailure: (nativePayload) => mapAuthCodeFailure(nativePayload, 'dingtalk'),
}
