// Simulates the `jd` global of JD as far as the user profile is concerned. ⚠️ Community sources only (platforms.md
// §9): jd.getUserInfo after `<button open-type="getUserInfo">`, authSetting['scope.userInfo'] through jd.getSetting.
// The QQ rules (§6: no popup, fail until authorised) are assumed. Never our implementation (style.md §5).
import { jdAuthDeny, jdProfile } from './fixtures.js'
import {
  createUserInfoHost,
  type ButtonChoice,
  type HostAnswers,
  type NativeCall,
  type PopupOutcome,
  type UserInfoButtonEvent,
} from './host.js'

export type { ButtonChoice, HostAnswers, NativeCall, PopupOutcome, UserInfoButtonEvent } from './host.js'

export interface JdScenario {
  /** The user's pick when `pressUserInfoButton()` is called without one. Default 'grant'. */
  outcome?: PopupOutcome
  /** scope.userInfo already granted in an earlier session. Default false. */
  authorized?: boolean
  /** The success res (without errMsg); default `jdProfile` (§9). */
  payload?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. */
  answers?: HostAnswers
}

export interface JdGlobal {
  getUserInfo(options?: unknown): void
  getSetting(options?: unknown): void
}

export interface JdSimulator {
  /** Install with `vi.stubGlobal('jd', sim.jd)`. */
  jd: JdGlobal
  /** The user presses `<button open-type="getUserInfo" bindgetuserinfo>`; returns the event the page receives. */
  pressUserInfoButton(choice?: ButtonChoice): UserInfoButtonEvent
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  calls: NativeCall[]
}

/** Creates a fresh `jd` host with its own authorisation state and call log. */
export function createJd(scenario: JdScenario = {}): JdSimulator {
  const calls: NativeCall[] = []
  const payload = scenario.payload ?? jdProfile
  const host = createUserInfoHost({
    calls,
    latencyMs: scenario.latencyMs ?? 0,
    answers: scenario.answers ?? 'once',
    authorized: scenario.authorized ?? false,
    outcome: scenario.outcome ?? 'grant',
    granted: () => payload,
    denied: jdAuthDeny, // ⚠️ UNCONFIRMED errMsg (§9)
  })
  return {
    jd: { getUserInfo: host.getUserInfo, getSetting: host.getSetting },
    calls,
    pressUserInfoButton: host.pressUserInfoButton,
    get authorized() {
      return host.authorized
    },
  }
}
