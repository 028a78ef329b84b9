import type { Adapter } from '../src/adapter.js'
import { createError, INSUFFICIENT_PERMISSIONS_ADVICE } from '../src/create-error.js'
import type { ErrorCode, UserProfileError } from '../src/errors.js'
import { readAppName, readHostValue } from '../src/host.js'
import { hasAnyField, isRecord, readField, readNativeNumber, readString, toOpenUserInfo } from '../src/normalize.js'
import type { OpenUserInfo } from '../src/types.js'
import type { LoginMethod } from '../src/login.js'
import { callAuthCodeApi, mapAuthCodeFailure, mapAuthCodeSuccess } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const my: unknown
declare const dd: unknown

// Result codes inside a *successful* callback's JSON (platforms.md §1.4, §2.4).
const alipayResultCodes = new Map<string, ErrorCode>([
  ['40003', 'AUTHORIZATION_REQUIRED'], // isv.invalid-auth-relations: called before the user authorised (§2.2)
  ['40006', 'INSUFFICIENT_PERMISSIONS'], // isv.insufficient-isv-permissions: feature package not bound (§1.4)
])

// `fail({ error, errorMessage })` codes (platforms.md §1.5, §2.4).
const alipayFailCodes = new Map<number, ErrorCode>([
  [11, 'USER_DENIED'], // 用户取消 / USER_CANCEL
  [1001, 'USER_DENIED'], // ERROR_CODE_USER_CANCEL (Alipay+ BE docs)
  [2001, 'USER_DENIED'], // 用户不允许授权
  [2002, 'USER_DENIED'], // refused earlier with "always deny" ticked
  [2003, 'USER_DENIED'], // refused now with "always deny" ticked
])

// `my.getSystemInfoSync().app` of hosts that share `my` but not `my.getOpenUserInfo`, lower-cased (§2.5, §11).
const notAlipayApps = [
  'dingtalk', // DingTalk (Alipay doc)
  'tb', // Taobao, one SDK (⚠️ community)
  'taobao', // Taobao, another project (⚠️ community)
]

const PROFILE_KEYS = ['avatar', 'nickName', 'gender', 'nationality', 'countryCode']

function myOf(globals: object): Record<string, unknown> | undefined {
  const my = readHostValue(globals, 'my')
  return isRecord(my) ? my : undefined
}

/** `res.response` is documented as a JSON string; some hosts and IDEs hand the object itself. */
function readInnerResponse(nativePayload: unknown): unknown {
  let outer = readField(nativePayload, 'response')
  if (outer === undefined) return nativePayload // typings put the fields on `res` itself (@mini-types/my)
  if (typeof outer === 'string') {
    try {
      outer = JSON.parse(outer)
    } catch {
      return undefined
    }
  }
  const inner = readField(outer, 'response')
  return inner === undefined ? outer : inner
}

function mapSuccess(nativePayload: unknown): OpenUserInfo | UserProfileError {
  const inner = readInnerResponse(nativePayload)
  const rawCode = readField(inner, 'code')
  const code = typeof rawCode === 'number' ? String(rawCode) : rawCode
  // No code is read as success only when profile fields are there; a code must be a string (or a number).
  const readable = code === undefined ? hasAnyField(inner, PROFILE_KEYS) : typeof code === 'string'
  if (!isRecord(inner) || !readable) return createError('MALFORMED_RESPONSE', 'alipay')
  if (typeof code === 'string' && code !== '10000') {
    const mapped = alipayResultCodes.get(code) || 'NATIVE_ERROR'
    return createError(mapped, 'alipay', {
      advice: mapped === 'INSUFFICIENT_PERMISSIONS' ? INSUFFICIENT_PERMISSIONS_ADVICE : undefined,
      nativeCode: code,
      nativeMessage: readString(inner, 'msg'),
      subCode: readString(inner, 'subCode'),
      subMessage: readString(inner, 'subMsg'),
    })
  }
  return toOpenUserInfo({
    msg: readField(inner, 'msg'),
    avatar: readField(inner, 'avatar'),
    gender: readField(inner, 'gender'),
    // The contract says `nationality`; every Alipay+ wallet doc says `countryCode` (platforms.md §1.3).
    nationality: readField(inner, 'nationality') || readField(inner, 'countryCode'),
    nickName: readField(inner, 'nickName'),
  })
}

function mapFailure(nativePayload: unknown): UserProfileError {
  const error = readField(nativePayload, 'error')
  const nativeCode = typeof error === 'number' || typeof error === 'string' ? error : undefined
  const number = readNativeNumber(nativePayload, 'error')
  return createError((number !== undefined && alipayFailCodes.get(number)) || 'NATIVE_ERROR', 'alipay', {
    nativeCode,
    nativeMessage: readString(nativePayload, 'errorMessage'),
  })
}

/** Alipay and every Alipay+ wallet (GCash, TNG, DANA, AlipayHK, Kakao Pay…): `my.getOpenUserInfo`. */
export const adapter: Adapter<'alipay'> = {
  runtime: 'alipay',
  authorizeButton: { openType: 'getAuthorize', scope: 'userInfo', event: 'onGetAuthorize', errorEvent: 'onError' },
  readGlobals: () => ({ my: typeof my === 'undefined' ? undefined : my, dd: typeof dd === 'undefined' ? undefined : dd }),

  detect(globals) {
    const my = myOf(globals)
    // DingTalk exposes `my` too but has no client profile API; it also has `dd` (platforms.md §11, §12).
    if (!my || readHostValue(globals, 'dd') !== undefined) return false
    // Wallets' `app` values are undocumented, so only the documented non-Alipay hosts are ruled out (§1.6, §2.5).
    return notAlipayApps.indexOf(readAppName(my, 'app')) === -1
  },

  request(globals, _options, callbacks) {
    const my = myOf(globals)
    const getOpenUserInfo = readHostValue(my, 'getOpenUserInfo')
    if (typeof getOpenUserInfo !== 'function') {
      return createError('UNSUPPORTED', 'alipay', {
        advice: 'my.getOpenUserInfo is missing: it needs base library 1.16.4+ and does not exist in web-view pages.',
      })
    }
    getOpenUserInfo.call(my, callbacks)
    return undefined
  },

  mapSuccess,
  mapFailure,
}

/**
 * `my.getAuthCode({ scopes })` → `{ authCode, authErrorScopes, authSuccessScopes }`; `auth_base` is silent,
 * `auth_user` asks the user. The code is single use; the server calls `alipay.system.oauth.token` (Alipay+ wallets:
 * `applyToken`) (platforms.md §1.5, §13).
 */
export const login: LoginMethod<'alipay'> = {
  runtime: 'alipay',
  authCodeNumbers: true,
  request: (globals, options, callbacks) => callAuthCodeApi(globals, 'my', { scopes: options.scopes }, callbacks, 'alipay'),
  mapSuccess: (nativePayload) => mapAuthCodeSuccess(nativePayload, 'alipay'),
  mapFailure: (nativePayload) => mapAuthCodeFailure(nativePayload, 'alipay'),
}
