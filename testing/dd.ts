// Simulates the `dd` and `my` globals of DingTalk mini programs, following the documented host rules
// (platforms.md §11, §12), never our implementation (style.md §5). DingTalk has no client profile API on either
// global: the app gets an auth code and fetches the user server-side (/user/getuserinfo). ⚠️ One third-party script
// calls dd.getOpenUserInfo (§11); its payload is unknown, so it is left out here.
import { createBridge, failOf, frozen, planAnswers, type Delivery, type HostAnswer, type HostAnswers, type NativeCall } from './bridge.js'
import type { HostDescription, SimulatedRuntime } from './description.js'
import { alipayFail } from './my.js'
import type { HostLogin } from './login.js'

export type { HostAnswers, NativeCall } from './bridge.js'


// platforms.md §11: dd.getAuthCode success `{authCode}` (dingtalk-jsapi typings).
export const dingtalkAuthCode = frozen({ authCode: 'XXXXXXXX-authCode' })
// platforms.md §11: "corpId is required" (community). ⚠️ UNCONFIRMED: the `{error, errorMessage}` shape and code 2
// (参数无效, the H5 generic table, §0) are assumed.
export const dingtalkCorpIdRequired = alipayFail(2, 'corpId is required')

export interface DdScenario {
  /** The getAuthCode success res; default `dingtalkAuthCode`. */
  payload?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'; applies to dd.getAuthCode. */
  answers?: HostAnswers
}

export interface DdGlobal {
  getAuthCode(options?: unknown): void
}

export interface DingTalkMyGlobal {
  getSystemInfoSync(): { app: 'DINGTALK' }
  canIUse(name: string): boolean
}

export interface DdSimulator {
  /** Install with `vi.stubGlobal('dd', sim.dd)`. */
  dd: DdGlobal
  /** Install with `vi.stubGlobal('my', sim.my)`: DingTalk also exposes `my` (§12). */
  my: DingTalkMyGlobal
  /** Every native API call received on either global, in order, with the options object exactly as passed. */
  readonly calls: NativeCall[]
  /** Every answer delivered to a callback, in order. */
  readonly answers: readonly HostAnswer[]
}

function hasCorpId(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false
  const corpId: unknown = Reflect.get(options, 'corpId')
  return typeof corpId === 'string' && corpId.length > 0
}

/** Creates a fresh DingTalk host with its own call log. */
export function createDd(scenario: DdScenario = {}): DdSimulator {
  const bridge = createBridge(scenario.latencyMs ?? 0)
  const calls = bridge.calls
  const payload = scenario.payload ?? dingtalkAuthCode

  const dd: DdGlobal = {
    // `dd.getAuthCode({corpId})` → `{authCode}` (dingtalk-jsapi typings); "corpId is required" without it (community).
    // No popup: the code is issued silently for the logged-in DingTalk user.
    getAuthCode(options?: unknown) {
      bridge.called('getAuthCode', options)
      const first: Delivery = hasCorpId(options) ? ['success', payload] : ['fail', dingtalkCorpIdRequired]
      bridge.answer('getAuthCode', options, planAnswers(scenario.answers ?? 'once', first, payload, failOf(first, dingtalkCorpIdRequired)))
    },
  }
  const my: DingTalkMyGlobal = {
    getSystemInfoSync() {
      calls.push({ api: 'getSystemInfoSync', options: undefined })
      return { app: 'DINGTALK' } // Alipay doc's app list (§12)
    },
    canIUse(name: string) {
      calls.push({ api: 'canIUse', options: name })
      if (name === 'saveFileToDingTalk') return true // uni-app's DingTalk probe (§12)
      return typeof Reflect.get(my, name) === 'function'
    },
  }

  return { dd, my, calls, answers: bridge.answers }
}

// The same dd.getAuthCode as createDd's, with a fresh code per call: silent, and refused without a corpId.
const dingtalkLogin: HostLogin = {
  global: 'dd',
  api: 'getAuthCode',
  success: (authCode) => ({ authCode }),
  refusal: dingtalkCorpIdRequired,
  asksUser: () => false,
  rejects: (options) => (hasCorpId(options) ? undefined : dingtalkCorpIdRequired),
}

export const hosts = {
  dingtalk: {
    name: 'DingTalk',
    olderBaseLibrary: false,
    login: dingtalkLogin,
    // No client profile API: every scenario is the same host, with its login code only (§11).
    build(setting) {
      const sim = createDd({ latencyMs: setting.latencyMs, answers: setting.answers })
      return { globals: { dd: sim.dd, my: sim.my }, bridge: sim, requestApi: null }
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
