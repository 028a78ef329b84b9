// Simulates the `ks` global of Kuaishou mini programs as far as the user profile is concerned, following the
// documented host rules (platforms.md §8), never our implementation (style.md §5): ks.getUserInfo "调用前需要 用户授权
// scope.userInfo". ⚠️ How the grant is obtained is unconfirmed (§0); the getUserInfo button of the QQ rules is assumed.
import { kuaishouAuthDeny, kuaishouProfile, kuaishouProfileWithCredentials } from './fixtures.js'
import {
  createUserInfoHost,
  type ButtonChoice,
  type HostAnswers,
  type NativeCall,
  type PopupOutcome,
  type UserInfoButtonEvent,
} from './host.js'

export type { ButtonChoice, HostAnswers, NativeCall, PopupOutcome, UserInfoButtonEvent } from './host.js'

export interface KsScenario {
  /** The user's pick when `pressUserInfoButton()` is called without one. Default 'grant'. */
  outcome?: PopupOutcome
  /** scope.userInfo already granted in an earlier session. Default false. */
  authorized?: boolean
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. */
  answers?: HostAnswers
}

export interface KsGlobal {
  getUserInfo(options?: unknown): void
}

export interface KsSimulator {
  /** Install with `vi.stubGlobal('ks', sim.ks)`. */
  ks: KsGlobal
  /** The user presses `<button open-type="getUserInfo" bindgetuserinfo>`; returns the event the page receives. */
  pressUserInfoButton(choice?: ButtonChoice): UserInfoButtonEvent
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  calls: NativeCall[]
}

/**
 * Creates a fresh `ks` host with its own authorisation state and call log. The docs also say getUserInfo returns a
 * Promise (§8); this host answers through callbacks only, so an unawaited call cannot raise an unhandled rejection.
 */
export function createKs(scenario: KsScenario = {}): KsSimulator {
  const calls: NativeCall[] = []
  const host = createUserInfoHost({
    calls,
    latencyMs: scenario.latencyMs ?? 0,
    answers: scenario.answers ?? 'once',
    authorized: scenario.authorized ?? false,
    outcome: scenario.outcome ?? 'grant',
    // UserInfoResult, or AuthorizedUserInfoResult with withCredentials: true (§8).
    granted: (withCredentials) => (withCredentials ? kuaishouProfileWithCredentials : kuaishouProfile),
    denied: kuaishouAuthDeny, // "auth deny …", the rest of the table is cut off (§8) ⚠️
  })
  return {
    ks: { getUserInfo: host.getUserInfo },
    calls,
    pressUserInfoButton: host.pressUserInfoButton,
    get authorized() {
      return host.authorized
    },
  }
}
