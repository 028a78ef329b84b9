// Simulates the `swan` global of Baidu as far as the user profile is concerned, following the documented host rules
// (platforms.md §7), never our implementation (style.md §5). Baidu never fails for a refusal: "若用户未登录或者拒绝授权，
// 会返回默认用户"百度网友"及默认的头像地址", a SUCCESS with `isAnonymous: true` (older docs).
import { baiduAnonymous, baiduHostFailure, baiduProfile } from './fixtures.js'
import {
  clonePayload,
  deliver,
  planAnswers,
  type HostAnswers,
  type NativeCall,
  type UserChoice,
  type UserInfoButtonEvent,
} from './host.js'

export type { HostAnswers, NativeCall, UserChoice, UserInfoButtonEvent } from './host.js'

export interface SwanScenario {
  /** Whether the Baidu app has a logged-in user. Default true; false: every answer is the anonymous one. */
  loggedIn?: boolean
  /** The user's answer to a popup (getUserInfo's first-use one, or the button's without a choice). Default 'allow'. */
  choice?: UserChoice
  /** scope.userInfo already granted in an earlier session. Default false. */
  authorized?: boolean
  /** The success res once authorised; default `baiduProfile` (current docs). `baiduProfileOlder` is the older one. */
  payload?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. 'success-then-fail' sends the answer then `baiduHostFailure`. */
  answers?: HostAnswers
}

export interface SwanGlobal {
  getUserInfo(options?: unknown): void
}

export interface SwanSimulator {
  /** Install with `vi.stubGlobal('swan', sim.swan)`. */
  swan: SwanGlobal
  /** The user presses `<button open-type="getUserInfo" bindgetuserinfo>`; returns the event the page receives. */
  pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** How many authorisation popups the user has seen. */
  readonly prompts: number
  /** Every native API call received, in order, with the options object exactly as passed. */
  calls: NativeCall[]
}

/** Creates a fresh `swan` host with its own authorisation state and call log. */
export function createSwan(scenario: SwanScenario = {}): SwanSimulator {
  const loggedIn = scenario.loggedIn ?? true
  const latencyMs = scenario.latencyMs ?? 0
  const payload = scenario.payload ?? baiduProfile
  const calls: NativeCall[] = []
  let scope: boolean | undefined = scenario.authorized === true ? true : undefined
  let prompts = 0

  // The user's answer to one popup; it is remembered, so a refusal is not asked again by getUserInfo.
  function ask(choice: UserChoice): void {
    prompts += 1
    scope = choice === 'allow'
  }
  const defaultChoice = (): UserChoice => scenario.choice ?? 'allow'
  const answer = (): object => (loggedIn && scope === true ? payload : baiduAnonymous)

  const swan: SwanGlobal = {
    // "此 API 已被废弃，请使用 button 组件" yet still documented: "首次使用的用户会弹出授权提示窗" (§7).
    // ⚠️ Whether a logged-out user is offered the popup (or a login) is undocumented; none is shown here.
    getUserInfo(options?: unknown) {
      calls.push({ api: 'getUserInfo', options })
      if (loggedIn && scope === undefined) ask(defaultChoice())
      const res = answer()
      deliver(options, planAnswers(scenario.answers ?? 'once', ['success', res], res, baiduHostFailure), latencyMs)
    },
  }

  return {
    swan,
    calls,
    get authorized() {
      return scope === true
    },
    get prompts() {
      return prompts
    },
    pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent {
      // ⚠️ The button's detail is assumed to be the getUserInfo answer, anonymous included (§7 documents the API).
      if (loggedIn && scope !== true) ask(choice ?? defaultChoice())
      return { type: 'getuserinfo', detail: clonePayload(answer()) }
    },
  }
}
