// Simulates the `dd` and `my` globals of DingTalk mini programs, following the documented host rules
// (platforms.md §11, §12), never our implementation (style.md §5). DingTalk has no client profile API on either
// global: the app gets an auth code and fetches the user server-side (/user/getuserinfo). ⚠️ One third-party script
// calls dd.getOpenUserInfo (§11); its payload is unknown, so it is left out here.
import { dingtalkAuthCode, dingtalkCorpIdRequired } from './fixtures.js'
import { deliver, planAnswers, type Delivery, type HostAnswers, type NativeCall } from './host.js'

export type { HostAnswers, NativeCall } from './host.js'

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
  calls: NativeCall[]
}

function hasCorpId(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false
  const corpId: unknown = Reflect.get(options, 'corpId')
  return typeof corpId === 'string' && corpId.length > 0
}

/** Creates a fresh DingTalk host with its own call log. */
export function createDd(scenario: DdScenario = {}): DdSimulator {
  const latencyMs = scenario.latencyMs ?? 0
  const payload = scenario.payload ?? dingtalkAuthCode
  const calls: NativeCall[] = []

  const dd: DdGlobal = {
    // `dd.getAuthCode({corpId})` → `{authCode}` (dingtalk-jsapi typings); "corpId is required" without it (community).
    // No popup: the code is issued silently for the logged-in DingTalk user.
    getAuthCode(options?: unknown) {
      calls.push({ api: 'getAuthCode', options })
      const first: Delivery = hasCorpId(options) ? ['success', payload] : ['fail', dingtalkCorpIdRequired]
      const failRes = first[0] === 'fail' ? first[1] : dingtalkCorpIdRequired
      deliver(options, planAnswers(scenario.answers ?? 'once', first, payload, failRes), latencyMs)
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

  return { dd, my, calls }
}
