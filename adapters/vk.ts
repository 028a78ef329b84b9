import type { Adapter, NativeCallbacks } from '../src/adapter.js'
import { createError } from '../src/create-error.js'
import type { UserProfileError } from '../src/errors.js'
import { readHostValue, settleHostPromise } from '../src/host.js'
import type { LoginMethod } from '../src/login.js'
import { loginCodeOf } from '../src/login-code.js'
import { isRecord, readField, readNativeNumber, readString, toOpenUserInfo } from '../src/normalize.js'

// The host globals this runtime reads (see Adapter.readGlobals): `window.vkBridge`, set by the browser build of
// @vkontakte/vk-bridge (its README; with the npm module, put it there: `window.vkBridge = bridge`).
declare const vkBridge: unknown

// Facts from the @vkontakte/vk-bridge 3.0.2 typings (types/data.d.ts, types/bridge.d.ts): `send(method)` is a promise;
// UserInfo has `first_name`, `last_name`, `sex` "0 - not specified, 1 - female, 2 - male" (the reverse of WeChat's
// 1/2), `country: { id, title }`, `photo_200`, which is "https://vk.ru/images/camera_200.png … if the photo is not
// set"; a failure is `{ error_type: 'client_error' | 'api_error' | 'auth_error', error_data: { error_code, … } }`.
const NO_PHOTO = /^https?:\/\/(?:vk\.com|vk\.ru)\/images\/camera_\d+\.png/i
// ⚠️ client_error 4 "User denied" is VK's documented client error table as commonly quoted, not in the typings.
const CLIENT_USER_DENIED = 4

function bridgeOf(globals: object): Record<string, unknown> | undefined {
  const found = readHostValue(globals, 'vkBridge')
  return isRecord(found) && typeof found.send === 'function' ? found : undefined
}

/** `vkBridge.send(method)`, its promise's answer passed to `callbacks`; MALFORMED_RESPONSE when it gives no promise. */
function send(globals: object, method: string, callbacks: NativeCallbacks): UserProfileError | undefined {
  const bridge = bridgeOf(globals)
  if (!bridge) return createError('UNSUPPORTED', 'vk', { advice: 'vkBridge is missing: load the vk-bridge browser build or set window.vkBridge' })
  return settleHostPromise((bridge.send as (method: string) => unknown).call(bridge, method), callbacks, 'vk')
}

function mapFailure(nativePayload: unknown): UserProfileError {
  const type = readString(nativePayload, 'error_type')
  const data = readField(nativePayload, 'error_data')
  const nativeCode = readNativeNumber(data, 'error_code')
  const nativeMessage = readString(data, 'error_reason') ?? readString(data, 'error_msg')
  const code = type === 'auth_error' ? 'AUTHORIZATION_REQUIRED' : type === 'client_error' && nativeCode === CLIENT_USER_DENIED ? 'USER_DENIED' : 'NATIVE_ERROR'
  return createError(code, 'vk', { nativeCode, nativeMessage, advice: code === 'AUTHORIZATION_REQUIRED' ? "await vkBridge.send('VKWebAppInit') first" : undefined })
}

/** VK Mini Apps: `vkBridge.send('VKWebAppGetUserInfo')`, after the page's own `VKWebAppInit`. */
export const adapter: Adapter<'vk'> = {
  runtime: 'vk',
  // No consent popup for the basic profile: the user is known from the launch.
  authorizeButton: { event: 'click', consentAt: 'launch' },
  readGlobals: () => ({ vkBridge: typeof vkBridge === 'undefined' ? undefined : vkBridge }),

  // Inside a VK client the page runs in its WebView or its iframe (`isEmbedded()`); a page that loads the bridge on its
  // own, in a tab, is not VK.
  detect(globals) {
    const bridge = bridgeOf(globals)
    const isEmbedded = readHostValue(bridge, 'isEmbedded')
    return typeof isEmbedded === 'function' && isEmbedded.call(bridge) === true
  },

  request: (globals, _options, callbacks) => send(globals, 'VKWebAppGetUserInfo', callbacks),

  mapSuccess(nativePayload) {
    const firstName = readString(nativePayload, 'first_name')
    const photo = readField(nativePayload, 'photo_200')
    if (!isRecord(nativePayload) || (firstName === undefined && photo === undefined)) return createError('MALFORMED_RESPONSE', 'vk')
    const sex = readField(nativePayload, 'sex')
    return toOpenUserInfo({
      nickName: [firstName, readString(nativePayload, 'last_name')].filter(Boolean).join(' '),
      // VK's "no photo" camera is VK's picture, not the user's.
      avatar: typeof photo === 'string' && NO_PHOTO.test(photo) ? '' : photo,
      gender: sex === 1 ? 'F' : sex === 2 ? 'M' : '',
    })
  },
  mapFailure,
  // `country.title` is a localized name: it reaches `nationality` only through the caller's resolveCountry.
  readCountryName: (nativePayload) => readString(readField(nativePayload, 'country'), 'title'),
}

/**
 * VK has no login code: the credential is the signed launch parameters (`VKWebAppGetLaunchParams`: the `vk_*` fields
 * and `sign`). getLoginCode gives them as `code`, a query string in key order, for the server to check `sign` (an
 * HMAC-SHA256 of the `vk_*` parameters keyed with the app's secret); like Telegram's initData, not single use.
 */
export const login: LoginMethod<'vk'> = {
  runtime: 'vk',
  request: (globals, _options, callbacks) => send(globals, 'VKWebAppGetLaunchParams', callbacks),
  mapSuccess(nativePayload) {
    if (readString(nativePayload, 'sign') === undefined) return loginCodeOf('vk', undefined)
    const fields: string[] = []
    // Own fields only (readField), each a string or a number, key and value encoded: nothing else reaches the query.
    for (const key of Object.keys(nativePayload as object).sort()) {
      const value = readField(nativePayload, key)
      if ((key === 'sign' || key.indexOf('vk_') === 0) && (typeof value === 'string' || typeof value === 'number')) {
        fields.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      }
    }
    return loginCodeOf('vk', fields.join('&'))
  },
  mapFailure,
}
