// Simulates the `tt` global of the ByteDance hosts (Douyin, Toutiao, …) and of Feishu / Lark, which share it, as far
// as the user profile is concerned, following the documented host rules (platforms.md §4, §5), never our
// implementation (style.md §5).
import {
  douyinAuthDeny,
  douyinNotLogin,
  douyinNotTap,
  douyinProfile,
  douyinProfileAuthDeny,
  douyinProfileNotLogin,
  feishuUserInfo,
  signedCredentials,
} from './fixtures.js'
import {
  createGesture,
  deliver,
  planAnswers,
  type Delivery,
  type HostAnswers,
  type NativeCall,
  type UserChoice,
} from './host.js'

export type { HostAnswers, NativeCall, UserChoice } from './host.js'

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
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. 'twice' repeats the answer; 'success-then-fail' sends the grant result then a failure. */
  answers?: HostAnswers
}

export interface TtGlobal {
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
  calls: NativeCall[]
}

// ⚠️ UNCONFIRMED: §5 gives 'Feishu' (community code); the Lark value is a guess.
const larkAppNames = new Set(['Feishu', 'Lark'])

function readFlag(options: unknown, name: string): boolean {
  return typeof options === 'object' && options !== null && Reflect.get(options, name) === true
}

/** Creates a fresh `tt` host with its own login and gesture state and call log. */
export function createTt(scenario: TtScenario = {}): TtSimulator {
  const appName = scenario.appName ?? 'Douyin'
  const isLark = larkAppNames.has(appName)
  const latencyMs = scenario.latencyMs ?? 0
  const answers = scenario.answers ?? 'once'
  const granted = scenario.choice !== 'deny'
  const hasGetUserProfile = scenario.hasGetUserProfile ?? !isLark
  const userInfo = scenario.userInfo ?? (isLark ? feishuUserInfo.userInfo : douyinProfile.userInfo)
  const gesture = createGesture()
  const calls: NativeCall[] = []
  let loggedIn = scenario.loggedIn ?? true

  // §4.3: `{errMsg, rawData, userInfo, signature, encryptedData, iv}`; no `desc` option, unlike WeChat (§4.2).
  const profileRes = { errMsg: 'getUserProfile:ok', rawData: JSON.stringify(userInfo), userInfo, ...signedCredentials }

  // tt.getUserInfo: `{errMsg, rawData, userInfo}`, plus signature/encryptedData/iv with withCredentials: true
  // (Douyin tt-get-user-info doc). Feishu: ⚠️ UNCONFIRMED minimal `{userInfo, errMsg}` (§5).
  function userInfoRes(options: unknown): object {
    if (isLark) return { userInfo, errMsg: 'getUserInfo:ok' }
    const base = { errMsg: 'getUserInfo:ok', rawData: JSON.stringify(userInfo), userInfo }
    return readFlag(options, 'withCredentials') ? { ...base, ...signedCredentials } : base
  }

  // ⚠️ The order of the checks (tap, then login, then popup) is undocumented; the tap is checked first as on WeChat.
  function answerProfile(options: unknown): Delivery {
    if (!gesture.active) return ['fail', douyinNotTap]
    if (!loggedIn) {
      // From 2.54.0, `force: true` opens the login box first, then the consent popup (§4.2).
      if (!readFlag(options, 'force')) return ['fail', douyinProfileNotLogin]
      loggedIn = true
    }
    return granted ? ['success', profileRes] : ['fail', douyinProfileAuthDeny]
  }

  // "本 API 依赖于 login"; the first call shows the popup (Douyin tt-get-user-info doc). No tap rule. The same
  // rules are assumed on Feishu (⚠️ UNCONFIRMED, §5).
  function answerUserInfo(options: unknown): Delivery {
    if (!loggedIn) return ['fail', douyinNotLogin]
    return granted ? ['success', userInfoRes(options)] : ['fail', douyinAuthDeny]
  }

  function failOf(first: Delivery, fallback: object): unknown {
    return first[0] === 'fail' ? first[1] : fallback
  }

  const tt: TtGlobal = {
    getUserInfo(options?: unknown) {
      calls.push({ api: 'getUserInfo', options })
      const first = answerUserInfo(options)
      deliver(options, planAnswers(answers, first, userInfoRes(options), failOf(first, douyinAuthDeny)), latencyMs)
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
      const first = answerProfile(options)
      deliver(options, planAnswers(answers, first, profileRes, failOf(first, douyinProfileAuthDeny)), latencyMs)
    }
  }

  return {
    tt,
    calls,
    get loggedIn() {
      return loggedIn
    },
    tap: (handler) => gesture.run(handler),
  }
}
