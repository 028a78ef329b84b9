// Simulates the `tt` global of the ByteDance hosts (Douyin, Toutiao, …) and of Feishu / Lark, which share it, as far
// as the user profile is concerned, following the documented host rules (platforms.md §4, §5), never our
// implementation (style.md §5). Its fixtures (raw payloads as documented, deep-frozen; never edit one to make a test
// pass) come first; the file is over ~200 lines for them and for describing two hosts.
import { createPrivacyStep, type PrivacyScenario, type PrivacyStep } from './privacy.js'
import { createBridge, createGesture, failOf, frozen, planAnswers, type Delivery, type HostAnswer, type HostAnswers, type NativeCall, type UserChoice } from './bridge.js'
import { errMsgFail, signedCredentials, type ErrMsgFailPayload } from './button-host.js'
import { undocumentedFailure, userInfoMalformed, withUserInfoProfile, type HostDescription, type HostSetting, type SimulatedRuntime } from './description.js'
import { optionOf, type HostLogin } from './login.js'

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'

// ---------------------------------------------------------------- Douyin / Toutiao (tt)

const douyinUserInfo = (gender: 0 | 1 | 2, country: string, province: string, city: string) => ({
  avatarUrl: 'https://p3.douyinpic.com/aweme/100x100/XXXXXXXX.jpeg',
  nickName: 'XXX',
  gender, // number: 0 未知, 1 男性, 2 女性 (§4.3)
  city,
  province,
  country, // a localised name, not an ISO code (§14)
  language: '', // "目前为空" (§4.3)
})
const douyinProfileOf = (userInfo: ReturnType<typeof douyinUserInfo>) =>
  frozen({ errMsg: 'getUserProfile:ok', rawData: JSON.stringify(userInfo), userInfo, ...signedCredentials })

// platforms.md §4.3: tt.getUserProfile success (typings field order), male user.
export const douyinProfile = douyinProfileOf(douyinUserInfo(1, '中国', '江苏', '南通'))
// platforms.md §4.3: same payload with gender 2 (female).
export const douyinProfileFemale = douyinProfileOf(douyinUserInfo(2, '中国', '浙江', '杭州'))
// platforms.md §4.3: gender 0 (unknown) with the region left empty.
export const douyinProfileGenderUnknown = douyinProfileOf(douyinUserInfo(0, '', '', ''))

// platforms.md §4.4: outside a tap (community, CSDN). ⚠️ Not from an official page.
export const douyinNotTap = errMsgFail('getUserProfile:fail must be invoked by user tap gesture')
// platforms.md §4.4: button / getUserInfo, 用户未登录.
export const douyinNotLogin = errMsgFail('getUserInfo:fail not login')
// platforms.md §4.4: button / getUserInfo, 用户信息权限未打开.
export const douyinAuthDeny = errMsgFail('getUserInfo:fail auth deny')
// ⚠️ UNCONFIRMED: §4.4 gives the getUserInfo strings only; the getUserProfile prefix is assumed to follow them.
export const douyinProfileAuthDeny = errMsgFail('getUserProfile:fail auth deny')
// ⚠️ UNCONFIRMED: as above, getUserProfile without login and without `force` (§4.2 "本 API 依赖于 tt.login").
export const douyinProfileNotLogin = errMsgFail('getUserProfile:fail not login')
// Apps created after 2024-03-25 whose privacy agreement lacks the profile scope (platforms.md §17.2).
export const douyinPrivacyNotDeclared = errMsgFail('getUserProfile:fail api scope is not declared in the privacy agreement')

/** Every Douyin `fail` payload above, as `[variant name, payload]` rows for `it.each`. */
export const douyinFailures: ReadonlyArray<readonly [string, ErrMsgFailPayload]> = [
  ['getUserProfile outside a tap', douyinNotTap],
  ['getUserInfo without login', douyinNotLogin],
  ['getUserInfo denied', douyinAuthDeny],
  ['getUserProfile denied', douyinProfileAuthDeny],
  ['getUserProfile without login', douyinProfileNotLogin],
  ['getUserProfile with the scope missing from the privacy agreement', douyinPrivacyNotDeclared],
]

// ---------------------------------------------------------------- Feishu / Lark (tt)

// platforms.md §5: ⚠️ UNCONFIRMED, the client tt.getUserInfo payload is undocumented; assumed minimal and WeChat-like
// (nickName + avatarUrl only; the server user_info API has no gender or country either).
export const feishuUserInfo = frozen({
  userInfo: { nickName: 'XXX', avatarUrl: 'https://s1-imfile.feishucdn.com/static-resource/v1/XXXXXXXX' },
  errMsg: 'getUserInfo:ok',
})

export interface TtScenario {
  /** `tt.getSystemInfoSync().appName`; default 'Douyin' (§4.5: 'Toutiao', 'news_article_lite', …; §5: 'Feishu'). */
  appName?: string
  /** What the user picks in the consent popup. Default 'allow'. */
  choice?: UserChoice
  /** Whether the host app has a logged-in user. Default true. */
  loggedIn?: boolean
  /**
   * Default true on the ByteDance apps; false below base library 2.30.0 (§4.2). On 'Feishu' / 'Lark' the default is
   * false: ⚠️ UNCONFIRMED, §5 found no client getUserProfile there.
   */
  hasGetUserProfile?: boolean
  /** userInfo delivered on grant; default `douyinProfile.userInfo` (Feishu/Lark: `feishuUserInfo.userInfo`). */
  userInfo?: object
  /** The whole success res of a granted profile call (either API), replacing the documented one. */
  payload?: object
  /** If set, a profile call that would succeed calls `fail(failWith)` instead (a failure with no documented answer). */
  failWith?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. 'twice' repeats the answer; 'success-then-fail' sends the grant result then a failure. */
  answers?: HostAnswers
  /** Douyin's privacy step in front of getUserProfile (platforms.md §17.2); default: consent already given. Not on Feishu. */
  privacyStep?: PrivacyScenario
}

export interface TtGlobal extends Partial<PrivacyStep['api']> {
  getUserProfile?(options?: unknown): void
  getUserInfo(options?: unknown): void
  getSystemInfoSync(): { appName: string }
  canIUse(name: string): boolean
}

export interface TtSimulator {
  /** Install with `vi.stubGlobal('tt', sim.tt)`. */
  tt: TtGlobal
  /**
   * The user taps (a `bindtap` handler runs). getUserProfile "只可在 tap 事件回调中调用" (§4.2): the gesture holds only
   * while `handler` runs synchronously, as on WeChat.
   */
  tap<T>(handler: () => T): T
  /** Whether the host has a logged-in user now (a `force: true` getUserProfile logs the user in, §4.2). */
  readonly loggedIn: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  readonly calls: NativeCall[]
  /** Every answer delivered to a callback, in order. */
  readonly answers: readonly HostAnswer[]
  /** The privacy step (§17.2): whether consent is missing, whether a call waits for the app's listener. */
  readonly privacy: Pick<PrivacyStep, 'needAuthorization' | 'pending'>
}

// ⚠️ The errMsg of a held call the app's listener refused is not documented for Douyin; WeChat's wording is assumed.
export const douyinPrivacyRefused = errMsgFail('getUserProfile:fail privacy permission is not authorized')

// ⚠️ UNCONFIRMED: §5 gives 'Feishu' (community code); the Lark value is a guess.
const larkAppNames = new Set(['Feishu', 'Lark'])

function readFlag(options: unknown, name: string): boolean {
  return typeof options === 'object' && options !== null && Reflect.get(options, name) === true
}

/** Creates a fresh `tt` host with its own login and gesture state and call log. */
export function createTt(scenario: TtScenario = {}): TtSimulator {
  const appName = scenario.appName ?? 'Douyin'
  const isLark = larkAppNames.has(appName)
  const bridge = createBridge(scenario.latencyMs ?? 0)
  const calls = bridge.calls
  const answers = scenario.answers ?? 'once'
  const granted = scenario.choice !== 'deny'
  const hasGetUserProfile = scenario.hasGetUserProfile ?? !isLark
  const userInfo = scenario.userInfo ?? (isLark ? feishuUserInfo.userInfo : douyinProfile.userInfo)
  const gesture = createGesture()
  let loggedIn = scenario.loggedIn ?? true
  const privacy = createPrivacyStep(bridge, isLark ? {} : scenario.privacyStep ?? {})

  // §4.3: `{errMsg, rawData, userInfo, signature, encryptedData, iv}`; no `desc` option, unlike WeChat (§4.2).
  const profileRes = scenario.payload ?? { errMsg: 'getUserProfile:ok', rawData: JSON.stringify(userInfo), userInfo, ...signedCredentials }

  // tt.getUserInfo: `{errMsg, rawData, userInfo}`, plus signature/encryptedData/iv with withCredentials: true
  // (Douyin tt-get-user-info doc). Feishu: ⚠️ UNCONFIRMED minimal `{userInfo, errMsg}` (§5).
  function userInfoRes(options: unknown): object {
    if (scenario.payload) return scenario.payload
    if (isLark) return { userInfo, errMsg: 'getUserInfo:ok' }
    const base = { errMsg: 'getUserInfo:ok', rawData: JSON.stringify(userInfo), userInfo }
    return readFlag(options, 'withCredentials') ? { ...base, ...signedCredentials } : base
  }

  // ⚠️ The order of the checks (tap, then login, then popup) is undocumented; the tap is checked first as on WeChat.
  function answerProfile(options: unknown): Delivery {
    if (!loggedIn) {
      // From 2.54.0, `force: true` opens the login box first, then the consent popup (§4.2).
      if (!readFlag(options, 'force')) return ['fail', douyinProfileNotLogin]
      loggedIn = true
    }
    return granted ? success(profileRes) : ['fail', douyinProfileAuthDeny]
  }

  // "本 API 依赖于 login"; the first call shows the popup (Douyin tt-get-user-info doc). No tap rule. The same
  // rules are assumed on Feishu (⚠️ UNCONFIRMED, §5).
  function answerUserInfo(options: unknown): Delivery {
    if (!loggedIn) return ['fail', douyinNotLogin]
    return granted ? success(userInfoRes(options)) : ['fail', douyinAuthDeny]
  }

  function success(res: object): Delivery {
    return scenario.failWith === undefined ? ['success', res] : ['fail', scenario.failWith]
  }

  const tt: TtGlobal = {
    getUserInfo(options?: unknown) {
      calls.push({ api: 'getUserInfo', options })
      // Privacy-scoped too (§17.2); the refusal reads as getUserProfile's, with this API's name (⚠️ undocumented).
      privacy.gate('getUserInfo', (outcome) => {
        const first: Delivery = outcome === 'proceed' ? answerUserInfo(options) : ['fail', errMsgFail('getUserInfo:fail privacy permission is not authorized')]
        bridge.answer('getUserInfo', options, planAnswers(answers, first, userInfoRes(options), failOf(first, douyinAuthDeny)))
      })
    },
    getSystemInfoSync() {
      calls.push({ api: 'getSystemInfoSync', options: undefined })
      return { appName }
    },
    canIUse(name: string) {
      calls.push({ api: 'canIUse', options: name })
      return typeof Reflect.get(tt, name) === 'function'
    },
  }
  if (hasGetUserProfile) {
    tt.getUserProfile = (options?: unknown) => {
      calls.push({ api: 'getUserProfile', options })
      const answer = (first: Delivery) =>
        bridge.answer('getUserProfile', options, planAnswers(answers, first, profileRes, failOf(first, douyinProfileAuthDeny)))
      if (!gesture.active) return answer(['fail', douyinNotTap]) // checked when the call is made, before the privacy step
      privacy.gate('getUserProfile', (outcome) => answer(outcome === 'proceed' ? answerProfile(options) : ['fail', douyinPrivacyRefused]))
    }
  }
  if (!isLark) Object.assign(tt, privacy.api) // 3.19.0 (§17.2); none found on Feishu

  return {
    tt,
    calls,
    answers: bridge.answers,
    privacy,
    get loggedIn() {
      return loggedIn
    },
    tap: (handler) => gesture.run(handler),
  }
}

/** A `tt` host for one `install` setting; both hosts document no answer of their own to insufficient-permissions. */
function buildTt(setting: HostSetting, appName: string, documented: { userInfo: object }, hasGetUserProfile: boolean) {
  const profileApi = hasGetUserProfile ? 'getUserProfile' : 'getUserInfo'
  const sim = createTt({
    latencyMs: setting.latencyMs,
    answers: setting.answers,
    choice: setting.choice,
    appName,
    loggedIn: setting.scenario !== 'authorization-required',
    hasGetUserProfile,
    userInfo: setting.profile ? withUserInfoProfile(documented, setting.profile).userInfo : undefined,
    payload: setting.scenario === 'malformed' ? userInfoMalformed : undefined,
    failWith: setting.scenario === 'insufficient-permissions' ? undocumentedFailure(profileApi, setting.scenario) : undefined,
    privacyStep: { needAuthorization: setting.scenario === 'privacy-required', hostPopupChoice: setting.choice },
  })
  return { globals: { tt: sim.tt }, bridge: sim, requestApi: profileApi, tap: sim.tap, privacy: larkAppNames.has(appName) ? undefined : sim.privacy }
}

// `tt.login({ force })` → `{ code, anonymousCode, isLogin }` (§13, Taro's typings). The kit's user is logged out
// until the login page: `force` (default true) shows it, and closing it is the refusal (⚠️ its errMsg is
// undocumented); with `force: false` only `anonymousCode` comes back.
const douyinLogin: HostLogin = {
  global: 'tt',
  api: 'login',
  success: (code, options) =>
    optionOf(options, 'force') === false
      ? { anonymousCode: code && `anonymous-${code}`, isLogin: false, errMsg: 'login:ok' }
      : { code, anonymousCode: code && `anonymous-${code}`, isLogin: true, errMsg: 'login:ok' },
  refusal: errMsgFail('login:fail cancel'),
  asksUser: (options) => optionOf(options, 'force') !== false,
}
// `tt.requestAccess({ scopeList })` → `{ code }` (Feishu 6.9.0+, open.larkoffice.com; §17.3); an authorisation page
// the user can close (⚠️ its errMsg and errno are not in the stored docs).
const feishuLogin: HostLogin = {
  global: 'tt',
  api: 'requestAccess',
  success: (code) => ({ code, errMsg: 'requestAccess:ok' }),
  refusal: errMsgFail('requestAccess:fail user cancel'),
  asksUser: () => true,
}

export const hosts = {
  douyin: {
    name: 'Douyin',
    olderBaseLibrary: true, // below 2.30.0 there is no tt.getUserProfile; tt.getUserInfo answers (§4.2)
    login: douyinLogin,
    build: (setting) => buildTt(setting, setting.app ?? 'Douyin', douyinProfile, setting.hasApi),
  },
  feishu: {
    name: 'Feishu',
    olderBaseLibrary: false,
    login: feishuLogin,
    build: (setting) => buildTt(setting, setting.app ?? 'Feishu', feishuUserInfo, false) // ⚠️ no client getUserProfile (§5),
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
