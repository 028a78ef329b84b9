// Simulates the `wx` global (and `__wxConfig`) of WeChat as far as getUserProfile is concerned, following the
// documented host rules (platforms.md §3.2, §3.4), never our implementation (style.md §5). Unlike
// miniprogram-simulate, whose getUserProfile always succeeds, this host refuses calls made outside a tap.
// Its fixtures (raw payloads as documented, deep-frozen; never edit one to make a test pass) come first; the file is
// over ~200 lines for them.
import { createBridge, createGesture, failOf, frozen, planAnswers, type Delivery, type HostAnswer, type HostAnswers, type NativeCall, type UserChoice } from './bridge.js'
import { successPayload, userInfoMalformed, withUserInfoProfile, type HostDescription, type SimulatedRuntime } from './description.js'
import { createPrivacyStep, type PrivacyScenario, type PrivacyStep } from './privacy.js'
import { createFillIn, type FillInScenario, type WxFillIn } from './wx-fill-in.js'
import { silentCodeLogin } from './login.js'

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'

/** WeChat `fail(res)` shape: `{errMsg}`, plus `errno` on the privacy failures (platforms.md §3.4). */
export interface WechatFailPayload {
  readonly errMsg: string
  readonly errno?: number
}


/** Grey default avatar returned once anonymised (§3.2). ⚠️ The URL is the commonly seen one, not in platforms.md. */
export const wechatDefaultGreyAvatar =
  'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132'

/** Opaque credential fields of a getUserProfile success (§3.3); placeholders, never decrypted by the library. */
export const wechatCredentials = frozen({
  signature: 'XXXXXXXX-signature',
  encryptedData: 'XXXXXXXX-encryptedData',
  iv: 'XXXXXXXX-iv',
  cloudID: 'XXXXXXXX-cloudID',
})

// platforms.md §3.3: full success result with real data (versions published before the 2022-11-08 cutoff, §3.2).
// The avatar path and region names are placeholders; the field set and types follow the typings.
const wechatRealUserInfo = {
  nickName: 'XXX',
  avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/vi_32/XXXXXXXX/132',
  gender: 2,
  country: '中国',
  province: '江苏',
  city: '南通',
  language: 'zh_CN',
}
export const wechatProfile = frozen({
  userInfo: wechatRealUserInfo,
  rawData: JSON.stringify(wechatRealUserInfo),
  ...wechatCredentials,
  errMsg: 'getUserProfile:ok',
})

// platforms.md §3.2: anonymised after 2022-11-08 24:00: "微信用户", grey avatar, gender/region no longer returned,
// language forced "zh_CN". Gender 0 and "" regions are how "不再返回" shows up in the typed fields.
const wechatAnonymizedUserInfo = {
  nickName: '微信用户',
  avatarUrl: wechatDefaultGreyAvatar,
  gender: 0,
  country: '',
  province: '',
  city: '',
  language: 'zh_CN',
}
export const wechatAnonymized = frozen({
  userInfo: wechatAnonymizedUserInfo,
  rawData: JSON.stringify(wechatAnonymizedUserInfo),
  ...wechatCredentials,
  errMsg: 'getUserProfile:ok',
})

// platforms.md §3.4 failure strings. ⚠️ All community-sourced, none from an official API page.
const wechatFail = (errMsg: string, errno?: number): WechatFailPayload =>
  frozen(errno === undefined ? { errMsg } : { errMsg, errno })
export const wechatAuthDeny = wechatFail('getUserProfile:fail auth deny') // user tapped reject
// ⚠️ Not in platforms.md §3.4: a spelling seen in community code, kept so mappers are tested against both.
export const wechatAuthDenied = wechatFail('getUserProfile:fail auth denied')
export const wechatNotTap = wechatFail('getUserProfile:fail can only be invoked by user TAP gesture.') // trailing period
export const wechatDescLength = wechatFail('getUserProfile:fail desc length does not meet the requirements')
export const wechatPrivacy104 = wechatFail('getUserProfile:fail privacy permission is not authorized', 104)
export const wechatPrivacy104ButtonId = wechatFail(
  'getUserProfile:fail privacy permission is not authorized or buttonId is wrong',
  104,
)
export const wechatPrivacy112 = wechatFail('getUserProfile:fail api scope is not declared in the privacy agreement', 112)

/** Every WeChat `fail` payload above, as `[variant name, payload]` rows for `it.each`. */
export const wechatFailures: ReadonlyArray<readonly [string, WechatFailPayload]> = [
  ['user denial (auth deny)', wechatAuthDeny],
  ['user denial (auth denied)', wechatAuthDenied],
  ['call outside a tap', wechatNotTap],
  ['bad desc length', wechatDescLength],
  ['privacy not authorised (104)', wechatPrivacy104],
  ['privacy not authorised, buttonId variant (104)', wechatPrivacy104ButtonId],
  ['scope not declared in the privacy agreement (112)', wechatPrivacy112],
]

/** Why the privacy flow stops a call before any popup: agreement not accepted (errno 104), scope not declared (112). */
export type WxPrivacyBlock = 'not-accepted' | 'not-declared'

export interface WxScenario {
  /** What the user picks in the consent popup of an in-tap call. Default 'allow'. */
  choice?: UserChoice
  /** The privacy flow fails every call before the popup; default none (agreement accepted, scope declared). */
  privacy?: WxPrivacyBlock
  /** userInfo delivered on grant; default `wechatAnonymized.userInfo` (versions published after 2022-11-08, §3.2). */
  userInfo?: object
  /** The whole success res on grant, replacing the one built from `userInfo` (e.g. an undocumented shape). */
  payload?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default true; false means base library < 2.10.4, where wx.getUserProfile is absent (§3.2). */
  hasGetUserProfile?: boolean
  /** Default 'once'. 'twice' repeats the answer; 'success-then-fail' sends the grant result then a failure. */
  answers?: HostAnswers
  /** The privacy step in front of getUserProfile (platforms.md §17.1); default: consent already given. */
  privacyStep?: PrivacyScenario
  /** The fill-in components (§17.1): the nickname review's verdict, devtools paths, the keyboard's nickname. */
  fillIn?: FillInScenario
}

export interface WxGlobal extends Partial<PrivacyStep['api']> {
  getUserProfile?(options?: unknown): void
  getSystemInfoSync(): { SDKVersion: string; platform: string }
  canIUse(name: string): boolean
}

export interface WxSimulator {
  /** Install with `vi.stubGlobal('wx', sim.wx)`. */
  wx: WxGlobal
  /** Install with `vi.stubGlobal('__wxConfig', sim.wxConfig)` (§3.5: `__wxConfig.envVersion`). */
  wxConfig: { envVersion: 'develop' }
  /**
   * The user taps (e.g. a `bindtap` handler runs). The gesture is valid only while `handler` runs synchronously:
   * calls after an `await`, in a `.then` or in a timer are outside it ("该API暂不支持在事件中使用异步操作", §3.4).
   */
  tap<T>(handler: () => T): T
  /** Every native API call received, in order, with the options object exactly as passed. */
  readonly calls: NativeCall[]
  /** Every answer delivered to a callback, in order. */
  readonly answers: readonly HostAnswer[]
  /** The privacy step (§17.1): whether consent is missing, whether a call waits for the app's listener. */
  readonly privacy: Pick<PrivacyStep, 'needAuthorization' | 'pending'>
  /** The fill-in components: the avatar chooser and the nickname input, as the user works them (§17.1). */
  readonly fillIn: WxFillIn
}

// "不超过30个字符" (§3.2). ⚠️ Whether WeChat counts UTF-16 units or code points is undocumented; JS `length` here.
const maxDescLength = 30

const privacyFailures = new Map<WxPrivacyBlock, object>([
  ['not-accepted', wechatPrivacy104], // privacy agreement not accepted (§3.4)
  ['not-declared', wechatPrivacy112], // scope missing from the privacy agreement (§3.4)
])

function hasValidDesc(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false
  const desc: unknown = Reflect.get(options, 'desc')
  return typeof desc === 'string' && desc.length > 0 && desc.length <= maxDescLength
}

/** Creates a fresh `wx` host with its own gesture state and call log. */
export function createWx(scenario: WxScenario = {}): WxSimulator {
  const bridge = createBridge(scenario.latencyMs ?? 0)
  const calls = bridge.calls
  const hasGetUserProfile = scenario.hasGetUserProfile ?? true
  const userInfo = scenario.userInfo ?? wechatAnonymized.userInfo
  const gesture = createGesture()

  const granted = scenario.payload ?? {
    userInfo,
    rawData: JSON.stringify(userInfo),
    ...wechatCredentials,
    errMsg: 'getUserProfile:ok',
  }

  const privacy = createPrivacyStep(bridge, scenario.privacyStep ?? {})

  // ⚠️ The order of the checks (tap, then desc, then privacy, then popup) is not documented (§3.4, §17.1); the tap
  // is checked when the call is made, so a call the privacy step held keeps the gesture it was made in.
  function checkProfileCall(options: unknown): Delivery | undefined {
    if (!gesture.active) return ['fail', wechatNotTap]
    if (!hasValidDesc(options)) return ['fail', wechatDescLength]
    const privacyFailure = scenario.privacy === undefined ? undefined : privacyFailures.get(scenario.privacy)
    if (privacyFailure !== undefined) return ['fail', privacyFailure]
    return undefined
  }
  const popupAnswer = (): Delivery => (scenario.choice === 'deny' ? ['fail', wechatAuthDeny] : ['success', granted]) // user taps reject (§3.4)

  const wx: WxGlobal = {
    getSystemInfoSync() {
      calls.push({ api: 'getSystemInfoSync', options: undefined })
      return { SDKVersion: hasGetUserProfile ? '3.0.0' : '2.10.3', platform: 'devtools' }
    },
    canIUse(name: string) {
      calls.push({ api: 'canIUse', options: name })
      return typeof Reflect.get(wx, name) === 'function'
    },
  }
  if (hasGetUserProfile) {
    wx.getUserProfile = (options?: unknown) => {
      calls.push({ api: 'getUserProfile', options })
      const answer = (first: Delivery) =>
        bridge.answer('getUserProfile', options, planAnswers(scenario.answers ?? 'once', first, granted, failOf(first, wechatAuthDeny)))
      const refused = checkProfileCall(options)
      if (refused) return answer(refused)
      privacy.gate('getUserProfile', (outcome) => answer(outcome === 'proceed' ? popupAnswer() : ['fail', wechatPrivacy104]))
    }
  }
  Object.assign(wx, privacy.api)

  return {
    wx,
    wxConfig: { envVersion: 'develop' },
    calls,
    answers: bridge.answers,
    privacy,
    fillIn: createFillIn(scenario.fillIn),
    tap: (handler) => gesture.run(handler),
  }
}

export const hosts = {
  wechat: {
    name: 'WeChat',
    olderBaseLibrary: true, // below 2.10.4 (§3.2)
    login: silentCodeLogin('wx'), // `wx.login` → `{ code, errMsg }`, silent (§13, api-typings)
    build(setting) {
      const { scenario } = setting
      const sim = createWx({
        latencyMs: setting.latencyMs,
        answers: setting.answers,
        choice: setting.choice,
        // WeChat's own answers: scope not declared in the privacy agreement (112), agreement not accepted (104).
        privacy: scenario === 'insufficient-permissions' ? 'not-declared' : scenario === 'authorization-required' ? 'not-accepted' : undefined,
        payload: successPayload(setting, wechatAnonymized, withUserInfoProfile, userInfoMalformed),
        hasGetUserProfile: setting.hasApi,
        privacyStep: { needAuthorization: scenario === 'privacy-required', hostPopupChoice: setting.choice },
        fillIn: { review: scenario === 'nickname-rejected' ? 'fail' : 'pass', suggestedNickname: setting.profile?.nickName },
      })
      return { globals: { wx: sim.wx, __wxConfig: sim.wxConfig }, bridge: sim, requestApi: 'getUserProfile', tap: sim.tap, privacy: sim.privacy, fillIn: sim.fillIn }
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
