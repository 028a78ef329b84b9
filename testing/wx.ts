// Simulates the `wx` global (and `__wxConfig`) of WeChat as far as getUserProfile is concerned, following the
// documented host rules (platforms.md §3.2, §3.4), never our implementation (style.md §5). Unlike
// miniprogram-simulate, whose getUserProfile always succeeds, this host refuses calls made outside a tap.
import {
  wechatAnonymized,
  wechatAuthDeny,
  wechatCredentials,
  wechatDescLength,
  wechatNotTap,
  wechatPrivacy104,
  wechatPrivacy112,
} from './fixtures.js'
import { deliver, planAnswers, type Delivery, type HostAnswers, type NativeCall, type UserChoice } from './host.js'

export type { HostAnswers, NativeCall, UserChoice } from './host.js'

/** Why the privacy flow stops a call before any popup: agreement not accepted (errno 104), scope not declared (112). */
export type WxPrivacyBlock = 'not-accepted' | 'not-declared'

export interface WxScenario {
  /** What the user picks in the consent popup of an in-tap call. Default 'allow'. */
  choice?: UserChoice
  /** The privacy flow fails every call before the popup; default none (agreement accepted, scope declared). */
  privacy?: WxPrivacyBlock
  /** userInfo delivered on grant; default `wechatAnonymized.userInfo` (versions published after 2022-11-08, §3.2). */
  userInfo?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default true; false means base library < 2.10.4, where wx.getUserProfile is absent (§3.2). */
  hasGetUserProfile?: boolean
  /** Default 'once'. 'twice' repeats the answer; 'success-then-fail' sends the grant result then a failure. */
  answers?: HostAnswers
}

export interface WxGlobal {
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
  calls: NativeCall[]
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
  const latencyMs = scenario.latencyMs ?? 0
  const hasGetUserProfile = scenario.hasGetUserProfile ?? true
  const userInfo = scenario.userInfo ?? wechatAnonymized.userInfo
  const calls: NativeCall[] = []
  let tapDepth = 0

  const granted = {
    userInfo,
    rawData: JSON.stringify(userInfo),
    ...wechatCredentials,
    errMsg: 'getUserProfile:ok',
  }

  // ⚠️ The order of the checks (tap, then desc, then popup) is not documented (§3.4); the tap is checked first.
  function answerProfile(options: unknown): Delivery {
    if (tapDepth === 0) return ['fail', wechatNotTap]
    if (!hasValidDesc(options)) return ['fail', wechatDescLength]
    const privacyFailure = scenario.privacy === undefined ? undefined : privacyFailures.get(scenario.privacy)
    if (privacyFailure !== undefined) return ['fail', privacyFailure]
    return scenario.choice === 'deny' ? ['fail', wechatAuthDeny] : ['success', granted] // user taps reject (§3.4)
  }

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
      const first = answerProfile(options)
      const failRes = first[0] === 'fail' ? first[1] : wechatAuthDeny
      deliver(options, planAnswers(scenario.answers ?? 'once', first, granted, failRes), latencyMs)
    }
  }

  return {
    wx,
    wxConfig: { envVersion: 'develop' },
    calls,
    tap<T>(handler: () => T): T {
      tapDepth += 1
      try {
        return handler()
      } finally {
        tapDepth -= 1
      }
    },
  }
}
