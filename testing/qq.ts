// Simulates the `qq` global of QQ as far as the user profile is concerned, following the documented host rules
// (platforms.md §6), never our implementation (style.md §5): qq.getUserInfo shows no popup and fails until the user
// has authorised through `<button open-type="getUserInfo">`.
import { qqAuthDeny, qqProfile } from './fixtures.js'
import {
  createUserInfoHost,
  type ButtonChoice,
  type HostAnswers,
  type NativeCall,
  type PopupOutcome,
  type UserInfoButtonEvent,
} from './host.js'

export type { ButtonChoice, HostAnswers, NativeCall, PopupOutcome, UserInfoButtonEvent } from './host.js'

export interface QqScenario {
  /** The user's pick when `pressUserInfoButton()` is called without one. Default 'grant'. */
  outcome?: PopupOutcome
  /** scope.userInfo already granted in an earlier session. Default false. */
  authorized?: boolean
  /** The success res (without errMsg); default `qqProfile` (§6). */
  payload?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. */
  answers?: HostAnswers
}

export interface QqGlobal {
  getUserInfo(options?: unknown): void
  getSetting(options?: unknown): void
}

export interface QqSimulator {
  /** Install with `vi.stubGlobal('qq', sim.qq)`. */
  qq: QqGlobal
  /** The user presses `<button open-type="getUserInfo" bindgetuserinfo>`; returns the event the page receives. */
  pressUserInfoButton(choice?: ButtonChoice): UserInfoButtonEvent
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  calls: NativeCall[]
}

/** Creates a fresh `qq` host with its own authorisation state and call log. */
export function createQq(scenario: QqScenario = {}): QqSimulator {
  const calls: NativeCall[] = []
  const payload = scenario.payload ?? qqProfile
  const host = createUserInfoHost({
    calls,
    latencyMs: scenario.latencyMs ?? 0,
    answers: scenario.answers ?? 'once',
    authorized: scenario.authorized ?? false,
    outcome: scenario.outcome ?? 'grant',
    granted: () => payload, // §6 lists the credentials in every success
    denied: qqAuthDeny, // ⚠️ UNCONFIRMED errMsg (§6)
  })
  return {
    qq: { getUserInfo: host.getUserInfo, getSetting: host.getSetting },
    calls,
    pressUserInfoButton: host.pressUserInfoButton,
    get authorized() {
      return host.authorized
    },
  }
}
