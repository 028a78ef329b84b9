// Simulates the `ks` global of Kuaishou mini programs as far as the user profile is concerned, following the
// documented host rules (platforms.md §8), never our implementation (style.md §5): ks.getUserInfo "调用前需要 用户授权
// scope.userInfo". ⚠️ How the grant is obtained is unconfirmed (§0); the getUserInfo button of the QQ rules is assumed.
import { kuaishouAuthDeny, kuaishouProfile, kuaishouProfileWithCredentials } from './fixtures.js'
import { createButtonHostSimulator, type ButtonHostScenario, type ButtonHostSimulator } from './host.js'

export type { HostAnswers, NativeCall, UserChoice, UserInfoButtonEvent } from './host.js'

export type KsScenario = ButtonHostScenario

export interface KsGlobal {
  getUserInfo(options?: unknown): void
}

export interface KsSimulator extends ButtonHostSimulator {
  /** Install with `vi.stubGlobal('ks', sim.ks)`. */
  ks: KsGlobal
}

/**
 * Creates a fresh `ks` host with its own authorisation state and call log. The docs also say getUserInfo returns a
 * Promise (§8); this host answers through callbacks only, so an unawaited call cannot raise an unhandled rejection.
 */
export function createKs(scenario: KsScenario = {}): KsSimulator {
  return createButtonHostSimulator(
    scenario,
    {
      // UserInfoResult, or AuthorizedUserInfoResult with withCredentials: true (§8).
      granted: (withCredentials) => (withCredentials ? kuaishouProfileWithCredentials : kuaishouProfile),
      denied: kuaishouAuthDeny, // "auth deny …", the rest of the table is cut off (§8) ⚠️
    },
    (host) => ({ ks: { getUserInfo: host.getUserInfo } }),
  )
}
