// Simulates the `my` global of Alipay / Alipay+ wallets as far as getOpenUserInfo is concerned, following the
// documented host rules (platforms.md §1.2, §1.4, §2.2, §2.4), never our implementation (style.md §5).
// Its fixtures come first: raw payloads exactly as the hosts deliver them, copied from platforms.md and
// my.getOpenUserInfo.txt, deep-frozen, never edited to make a test pass. Where platforms.md prints a JSON string
// without escapes, the string is rebuilt with JSON.stringify from the same fields in the same order; the two strings
// quoted verbatim in my.getOpenUserInfo.txt are kept byte for byte. Longer than ~200 lines for that reason: every
// documented Alipay payload is a test case, and the kit keeps each host's payloads beside its simulator.
import { createBridge, frozen, planAnswers, type Delivery, type HostAnswer, type HostAnswers, type NativeCall, type UserChoice } from './bridge.js'
import { defined, successPayload, type HostDescription, type ProfileOverride, type SimulatedRuntime } from './description.js'
import { optionOf, type HostLogin } from './login.js'

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'

/** Alipay `fail(res)` shape: `{error, errorMessage}` (platforms.md §1.4, §2.4; `@mini-types/my`). */
export interface AlipayFailPayload {
  readonly error: number
  readonly errorMessage: string
  readonly signature?: string
}



// my.getOpenUserInfo.txt "Return Res Object In the Success Callback": verbatim. ⚠️ UNCONFIRMED shape (platforms.md §1.3).
export const alipayDocumented = frozen({
  response:
    '{"response":{"code":"10000","msg":"Success","avatar":"https://cdn/images/partner/XXXXXXXX","gender":"F","nationality":"US"}}',
})

// platforms.md §1.3: the Alipay+ wallet docs field table. The stored example was cut off, so avatar and nickName
// reuse the doc placeholders; province and city are "" as the docs allow ("empty string if the app does not return").
const walletDocsResponse = {
  response: {
    code: '10000',
    msg: 'Success',
    avatar: 'https://cdn/images/partner/XXXXXXXX',
    nickName: 'XXX',
    gender: 'm',
    countryCode: 'SG',
    province: '',
    city: '',
  },
}
export const alipayWalletDocs = frozen({ response: JSON.stringify(walletDocsResponse) })

// platforms.md §14 "Parse both a double-encoded res.response and an already-parsed object": same data, not a string.
export const alipayAlreadyParsed = frozen({ response: JSON.parse(JSON.stringify(walletDocsResponse)) })

// platforms.md §2.3, 2022-05-17 version: gender/countryCode/province/city "强制返回空值".
export const alipay2022 = frozen({
  response: JSON.stringify({
    response: {
      code: '10000',
      msg: 'Success',
      gender: '',
      countryCode: '',
      province: '',
      city: '',
      nickName: 'XXX',
      avatar: 'https://tfs.alipayobjects.com/images/partner/XXXXXXXX',
    },
  }),
})

// platforms.md §2.3, 2022-05-17 version: "若用户未设置 avatar 和 nickName，则不会返回这两个参数" (keys absent).
export const alipay2022NoProfile = frozen({
  response: JSON.stringify({
    response: { code: '10000', msg: 'Success', gender: '', countryCode: '', province: '', city: '' },
  }),
})

// platforms.md §2.3, older (pre-2022) format: lower-case gender, ISO countryCode, Chinese region names.
export const alipayPre2022 = frozen({
  response: JSON.stringify({
    response: {
      code: '10000',
      msg: 'Success',
      countryCode: 'CN',
      gender: 'f',
      nickName: 'XXX',
      avatar: 'https://tfs.alipayobjects.com/images/partner/XXXXXXXX',
      city: '南通市',
      province: '江苏省',
    },
  }),
})

// platforms.md §2.4: called before the user authorised via the button (arrives in success, not fail).
export const alipay40003 = frozen({
  response: JSON.stringify({
    response: {
      code: '40003',
      msg: 'Insufficient Conditions',
      subCode: 'isv.invalid-auth-relations',
      subMsg: '无效的授权关系',
    },
  }),
})

// my.getOpenUserInfo.txt: feature package not connected; verbatim (note the space after "subMsg":). §1.4 ⚠️.
export const alipay40006 = frozen({
  response:
    '{"response":{"code":"40006","msg":"Insufficient Permissions","subCode":"isv.insufficient-isv-permissions","subMsg": "Insufficient permissions"}}',
})

// platforms.md §2.4: feature not bound, Alipay China / AMap wording.
export const alipay40006Cn = frozen({
  response: JSON.stringify({
    response: {
      code: '40006',
      msg: 'Insufficient Permissions',
      subCode: 'isv.insufficient-isv-permissions',
      subMsg: 'ISV权限不足，建议在开发者中心检查对应功能是否已经添加',
    },
  }),
})

// JSAPI-level fail(res) payloads. No per-code table exists for getOpenUserInfo itself (§1.4); these are the
// general Alipay codes (§2.4) and the Alipay+ getAuthCode codes (§1.5).
export const alipayFail = (error: number, errorMessage: string, signature?: string): AlipayFailPayload =>
  frozen(signature === undefined ? { error, errorMessage } : { error, errorMessage, signature })
export const alipayFailUnsupported = alipayFail(1, '该接口暂不支持') // §2.4
export const alipayFailUnknown = alipayFail(3, 'Unknown error!') // §1.5 BE example (its table says ERROR_UNKNOW)
export const alipayFailNoPermission = alipayFail(4, '无权调用', 'N22104') // §2.4, verbatim
export const alipayFailUserCancel = alipayFail(11, '用户取消') // §2.4
export const alipayFailNetwork = alipayFail(12, 'Network Error') // §1.5 AlipayHK, §13
export const alipayFailUserCancelAlipayPlus = alipayFail(1001, 'ERROR_CODE_USER_CANCEL') // §1.5 BE table
export const alipayFailUserRefused = alipayFail(2001, '用户不允许授权') // §2.4
export const alipayFailAlwaysRefused = alipayFail(2002, '用户此前已经拒绝授权且勾选了总是保持拒绝，此次调用直接失败') // §2.4
export const alipayFailRefusedAndAlways = alipayFail(2003, '用户拒绝授权，并且此次勾选了总是保持拒绝') // §2.4

/** Every Alipay `fail` payload above, as `[variant name, payload]` rows for `it.each`. */
export const alipayFailures: ReadonlyArray<readonly [string, AlipayFailPayload]> = [
  ['unsupported API (1)', alipayFailUnsupported],
  ['unknown error (3)', alipayFailUnknown],
  ['no permission (4, N22104)', alipayFailNoPermission],
  ['user cancelled (11)', alipayFailUserCancel],
  ['network error (12)', alipayFailNetwork],
  ['Alipay+ user cancelled (1001)', alipayFailUserCancelAlipayPlus],
  ['user refused (2001)', alipayFailUserRefused],
  ['refused earlier with "always" (2002)', alipayFailAlwaysRefused],
  ['refused now with "always" (2003)', alipayFailRefusedAndAlways],
]

export interface MyScenario {
  /** `my.getSystemInfoSync().app`; default 'alipay' (§2.5 lists 'DINGTALK', 'amap', 'UC', …). */
  app?: string
  /** Default true. false: getOpenUserInfo succeeds with the 40006 JSON (feature package not bound, §1.4, §2.4). */
  featureConnected?: boolean
  /** The full success `res` delivered once authorised; default `alipayDocumented`. */
  payload?: object
  /** If set, an authorised call calls `fail(failWith)` instead (JSAPI-level failure, §1.4). */
  failWith?: object
  /** Default 0. Callbacks are always asynchronous: the API sends a network request (§1.2). */
  latencyMs?: number
  /** Default true; false means the API is absent (base library < 1.16.4, §2.2). */
  hasGetOpenUserInfo?: boolean
  /** Default 'once'. 'twice' repeats the answer; 'success-then-fail' sends success then fail(failWith ?? error 3). */
  answers?: HostAnswers
}

/** Event passed to `onGetAuthorize` (the docs give no shape; its sample ignores it, §1.2). */
export interface AuthorizeGrantEvent {
  type: 'getAuthorize'
  detail: Record<string, never>
}
/** Event passed to `onError`: "event.detail = {type, errorMessage}, type 为 getAuthorize" (§2.2). */
export interface AuthorizeErrorEvent {
  type: 'error'
  detail: { type: 'getAuthorize'; errorMessage: string }
}
export type AuthorizeEvent = AuthorizeGrantEvent | AuthorizeErrorEvent

export interface MyGlobal {
  getOpenUserInfo?(options?: unknown): void
  getSystemInfoSync(): { app: string }
  canIUse(name: string): boolean
  getSetting(options?: unknown): void
}

export interface MySimulator {
  /** Install with `vi.stubGlobal('my', sim.my)`. */
  my: MyGlobal
  /** The user presses `<button open-type="getAuthorize" scope="userInfo">`; returns the event the page receives. */
  pressAuthorizeButton(choice?: UserChoice): AuthorizeEvent
  /** Whether the user has authorised through the button (what `my.getSetting` reports as `authSetting.userInfo`). */
  readonly authorized: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  readonly calls: NativeCall[]
  /** Every answer delivered to a callback, in order. */
  readonly answers: readonly HostAnswer[]
}

/** Creates a fresh `my` host with its own authorisation state and call log. */
export function createMy(scenario: MyScenario = {}): MySimulator {
  const app = scenario.app ?? 'alipay'
  const bridge = createBridge(scenario.latencyMs ?? 0)
  const calls = bridge.calls
  const hasGetOpenUserInfo = scenario.hasGetOpenUserInfo ?? true
  let authorized = false

  // The server decides at request time: 40006 (feature) is checked before 40003 (grant), §2.2 items 1 and 2.
  function successRes(): object {
    if (scenario.featureConnected === false) return alipay40006
    if (!authorized) return alipay40003
    return scenario.payload ?? alipayDocumented
  }
  function isGranted(): boolean {
    return scenario.featureConnected !== false && authorized
  }

  const my: MyGlobal = {
    getSystemInfoSync() {
      calls.push({ api: 'getSystemInfoSync', options: undefined })
      return { app }
    },
    canIUse(name: string) {
      calls.push({ api: 'canIUse', options: name })
      if (name === 'getOpenUserInfo') return hasGetOpenUserInfo
      if (name === 'button.open-type.getAuthorize') return true // base lib 1.11.0 (§2.2)
      if (name === 'saveFileToDingTalk') return app === 'DINGTALK' // uni-app's DingTalk probe (§12)
      return typeof Reflect.get(my, name) === 'function'
    },
    // FAQ: "可通过 my.getSetting 接口返回的 userInfo 字段判断 … userInfo 为 true 即已授权" (§2.2).
    getSetting(options?: unknown) {
      calls.push({ api: 'getSetting', options })
      bridge.answer('getSetting', options, [['success', { authSetting: { userInfo: authorized } }]])
    },
  }
  if (hasGetOpenUserInfo) {
    my.getOpenUserInfo = (options?: unknown) => {
      calls.push({ api: 'getOpenUserInfo', options })
      const res = successRes()
      const failWith = scenario.failWith
      // failWith replaces only a granted answer: 40006/40003 are decided by the server before any profile fetch.
      const first: Delivery = failWith !== undefined && isGranted() ? ['fail', failWith] : ['success', res]
      bridge.answer('getOpenUserInfo', options, planAnswers(scenario.answers ?? 'once', first, res, failWith ?? alipayFailUnknown))
    }
  }

  return {
    my,
    calls,
    answers: bridge.answers,
    get authorized() {
      return authorized
    },
    pressAuthorizeButton(choice: UserChoice = 'allow'): AuthorizeEvent {
      if (choice === 'allow') {
        authorized = true
        return { type: 'getAuthorize', detail: {} }
      }
      // A denial does not revoke an earlier grant: the docs describe no revocation through the button.
      return { type: 'error', detail: { type: 'getAuthorize', errorMessage: '用户取消授权' } }
    },
  }
}

/** Writes the profile into the double-encoded `response`: the contract's `nationality` where the payload has it, the
 * wallets' `countryCode` otherwise (platforms.md §1.3). */
function withResponseProfile(payload: { response: string }, profile: ProfileOverride): { response: string } {
  const parsed: { response: Record<string, unknown> } = JSON.parse(payload.response)
  const { nickName, avatar, gender, country } = profile
  const countryKey = 'nationality' in parsed.response ? 'nationality' : 'countryCode'
  parsed.response = { ...parsed.response, ...defined({ nickName, avatar, gender, [countryKey]: country }) }
  return { ...payload, response: JSON.stringify(parsed) }
}

/** What a host that answers with a shape nobody documented sends: the double-encoded JSON cut off mid-way. */
const alipayMalformed = { response: '{"response":{"code":"10000","nickName"' }

/** Whether `my.getAuthCode`'s scopes ask the user: every scope but the silent `auth_base` (§13, open-docs). */
export function asksForMoreThanBase(options: unknown): boolean {
  const scopes = optionOf(options, 'scopes')
  const list: unknown[] = Array.isArray(scopes) ? scopes : [scopes === undefined ? 'auth_base' : scopes]
  return list.some((scope) => scope !== 'auth_base')
}

// `my.getAuthCode({ scopes })` → `{ authCode, authErrorScopes, authSuccessScopes }`; 11 when the user cancels the
// authorisation page of `auth_user` (platforms.md §13, open-docs my.getAuthCode.md).
export const authCodeLogin: HostLogin = {
  global: 'my',
  api: 'getAuthCode',
  success: (authCode) => ({ authCode, authErrorScopes: {}, authSuccessScopes: ['auth_base'] }),
  refusal: alipayFail(11, '用户取消授权'),
  asksUser: asksForMoreThanBase,
}

export const hosts = {
  alipay: {
    name: 'Alipay',
    olderBaseLibrary: true, // below 1.16.4 (§2.2)
    login: authCodeLogin,
    build(setting) {
      const sim = createMy({
        latencyMs: setting.latencyMs,
        answers: setting.answers,
        app: setting.app ?? 'alipay',
        // The Alipay+ wallet docs' shape (nickName, gender 'm', countryCode) rather than the contract's sample without a name.
        payload: successPayload(setting, alipayWalletDocs, withResponseProfile, alipayMalformed),
        featureConnected: setting.scenario !== 'insufficient-permissions',
        hasGetOpenUserInfo: setting.hasApi,
      })
      return { globals: { my: sim.my }, bridge: sim, requestApi: 'getOpenUserInfo', authorize: sim.pressAuthorizeButton }
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
