import type { Adapter } from '../src/adapter.js'
import { createError } from '../src/create-error.js'
import { readHostValue } from '../src/host.js'
import type { LoginMethod } from '../src/login.js'
import { loginCodeOf } from '../src/login-code.js'
import { isRecord, readField, readString, toOpenUserInfo } from '../src/normalize.js'

// The host globals this runtime reads (see Adapter.readGlobals): `window.Telegram`, set by telegram-web-app.js.
declare const Telegram: unknown

// core.telegram.org/bots/webapps (platforms.md §17.4): `Telegram.WebApp.initData` is the signed launch data, a query
// string; `initDataUnsafe.user` its parsed `user` (`{ id, first_name, last_name?, username?, language_code?, photo_url? }`).
function webAppOf(globals: object): Record<string, unknown> | undefined {
  const webApp = readHostValue(readHostValue(globals, 'Telegram'), 'WebApp')
  return isRecord(webApp) ? webApp : undefined
}

const hasOwn = Object.prototype.hasOwnProperty

const NO_USER_ADVICE =
  'this launch carries no user (e.g. opened from an inline button): open the Mini App from the bot menu or a direct link'

/**
 * Telegram Mini Apps: the user given at launch in `initDataUnsafe.user`; there is no consent step and no native call.
 * The data is unsigned on the client: the server must check `initData` (getLoginCode's `code`) with the bot token.
 */
export const adapter: Adapter<'telegram'> = {
  runtime: 'telegram',
  authorizeButton: { event: 'click', consentAt: 'launch' },
  readGlobals: () => ({ Telegram: typeof Telegram === 'undefined' ? undefined : Telegram }),

  // A page opened outside Telegram loads the same script, with an empty `initData`: it is not Telegram (§17.4).
  detect(globals) {
    const initData = readHostValue(webAppOf(globals), 'initData')
    return typeof initData === 'string' && initData !== ''
  },

  request(globals, _options, callbacks) {
    const webApp = webAppOf(globals)
    if (!webApp) return createError('UNSUPPORTED', 'telegram', { advice: 'Telegram.WebApp is missing: load telegram-web-app.js first' })
    // Read as the host gives it: a getter that throws is the host's failure (NATIVE_ERROR), not "no user".
    const initDataUnsafe = webApp.initDataUnsafe
    // Its own `user` only: one planted on Object.prototype is no launch user.
    const user = isRecord(initDataUnsafe) && hasOwn.call(initDataUnsafe, 'user') ? initDataUnsafe.user : undefined
    if (user === undefined) return createError('AUTHORIZATION_REQUIRED', 'telegram', { advice: NO_USER_ADVICE })
    callbacks.success(user)
    return undefined
  },

  mapSuccess(nativePayload) {
    if (!isRecord(nativePayload) || Array.isArray(nativePayload)) return createError('MALFORMED_RESPONSE', 'telegram')
    const name = [readString(nativePayload, 'first_name'), readString(nativePayload, 'last_name')].filter(Boolean).join(' ')
    // `language_code` is a language, not a country: nationality stays ''; Telegram shares no gender.
    return toOpenUserInfo({ nickName: name || readField(nativePayload, 'username'), avatar: readField(nativePayload, 'photo_url') })
  },
  mapFailure: () => createError('NATIVE_ERROR', 'telegram'),
}

/**
 * Telegram has no login code: the credential is `initData` itself, the signed launch data. getLoginCode gives it as
 * `code` for the server to check (HMAC-SHA256 keyed with the bot token, and `auth_date`); unlike a code it is not
 * single use, so the server must reject stale ones.
 */
export const login: LoginMethod<'telegram'> = {
  runtime: 'telegram',
  request(globals, _options, callbacks) {
    const webApp = webAppOf(globals)
    if (!webApp) return createError('UNSUPPORTED', 'telegram', { advice: 'Telegram.WebApp is missing: load telegram-web-app.js first' })
    callbacks.success(webApp.initData) // read as the host gives it: a getter that throws is NATIVE_ERROR, as for the profile
    return undefined
  },
  mapSuccess: (nativePayload) => loginCodeOf('telegram', nativePayload),
  mapFailure: () => createError('NATIVE_ERROR', 'telegram'),
}
