import type { Adapter } from '../src/adapter.js'
import { createError } from '../src/create-error.js'
import type { ErrorCode, UserProfileError } from '../src/errors.js'
import { readAppName, readHostValue } from '../src/host.js'
import { hasAnyField, readField, readNativeNumber, readString, toOpenUserInfo } from '../src/normalize.js'
import type { OpenUserInfo } from '../src/types.js'
import type { LoginMethod } from '../src/login.js'
import { callAuthCodeApi, mapAuthCodeFailure, mapAuthCodeSuccess } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const my: unknown

// `my.getSystemInfoSync().app` in Taobao: 'TB' in one SDK, 'taobao' in another project (⚠️ community, §11).
const taobaoApps = ['tb', 'taobao']

// Failures of `my.getAuthUserInfo` that mean the user said no, as on Alipay (platforms.md §2.4).
const authUserInfoFailCodes = new Map<number, ErrorCode>([
  [11, 'USER_DENIED'], // 用户取消
  [2001, 'USER_DENIED'], // 用户不允许授权
  [2002, 'USER_DENIED'], // refused earlier with "always deny"
  [2003, 'USER_DENIED'], // refused now with "always deny"
])

/** What `request` hands to `fail` when `my.authorize` itself failed: no profile read followed. */
interface AuthorizeRefusal {
  authorizeRefused: unknown
}

const PROFILE_KEYS = ['nickName', 'avatar']

function mapSuccess(nativePayload: unknown): OpenUserInfo | UserProfileError {
  // uni-app's fallback reads `nickName` and `avatar` straight off the result (§11).
  if (!hasAnyField(nativePayload, PROFILE_KEYS)) return createError('MALFORMED_RESPONSE', 'taobao')
  return toOpenUserInfo({ avatar: readField(nativePayload, 'avatar'), nickName: readField(nativePayload, 'nickName') })
}

function mapFailure(nativePayload: unknown): UserProfileError {
  const refusal = readField(nativePayload, 'authorizeRefused')
  const payload = refusal === undefined ? nativePayload : refusal
  const nativeCode = readNativeNumber(payload, 'error')
  // A failed `my.authorize` is the user refusing the scope: Taobao never prompts twice after a refusal (§11), so the
  // standard "ask again on a new tap" advice would send the page into a dead end.
  const code = refusal !== undefined ? 'USER_DENIED' : (nativeCode !== undefined && authUserInfoFailCodes.get(nativeCode)) || 'NATIVE_ERROR'
  const advice = code === 'USER_DENIED' ? 'go on without it: Taobao does not ask again; the user can allow it in settings' : undefined
  return createError(code, 'taobao', { nativeCode, nativeMessage: readString(payload, 'errorMessage'), advice })
}

/** Taobao, Tmall and Fliggy: `my.authorize({ scopes: 'scope.userInfo' })`, then `my.getAuthUserInfo`. */
export const adapter: Adapter<'taobao'> = {
  runtime: 'taobao',
  authorizeButton: { event: 'tap' },
  readGlobals: () => ({ my: typeof my === 'undefined' ? undefined : my }),

  detect: (globals) => taobaoApps.indexOf(readAppName(readHostValue(globals, 'my'), 'app')) !== -1,

  request(globals, _options, callbacks) {
    const my = readHostValue(globals, 'my')
    const authorize = readHostValue(my, 'authorize')
    const getAuthUserInfo = readHostValue(my, 'getAuthUserInfo')
    if (typeof authorize !== 'function' || typeof getAuthUserInfo !== 'function') {
      return createError('UNSUPPORTED', 'taobao', { advice: 'my.authorize or my.getAuthUserInfo is missing in this host version.' })
    }
    authorize.call(my, {
      scopes: 'scope.userInfo',
      success: () => {
        try {
          getAuthUserInfo.call(my, { success: callbacks.success, fail: callbacks.fail })
        } catch {
          callbacks.fail({}) // thrown inside the host's callback, out of the core's reach: report it as a native error
        }
      },
      fail: (nativePayload: unknown) => callbacks.fail({ authorizeRefused: nativePayload } satisfies AuthorizeRefusal),
    })
    return undefined
  },

  mapSuccess,
  mapFailure,
}

/**
 * `my.getAuthCode({ scopes })` → `{ authCode, authErrorScopes, authSuccessScopes }`; `auth_base` is silent,
 * `auth_user` asks the user. The code is single use; the server calls `alipay.system.oauth.token` (Alipay+ wallets:
 * `applyToken`) (platforms.md §1.5, §13; ⚠️ Taobao's own page was not found).
 */
export const login: LoginMethod<'taobao'> = {
  runtime: 'taobao',
  authCodeNumbers: true,
  request: (globals, options, callbacks) => callAuthCodeApi(globals, 'my', { scopes: options.scopes }, callbacks, 'taobao'),
  mapSuccess: (nativePayload) => mapAuthCodeSuccess(nativePayload, 'taobao'),
  mapFailure: (nativePayload) => mapAuthCodeFailure(nativePayload, 'taobao'),
}
