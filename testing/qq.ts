// Simulates the `qq` global of QQ as far as the user profile is concerned, following the documented host rules
// (platforms.md §6), never our implementation (style.md §5): qq.getUserInfo shows no popup and fails until the user
// has authorised through `<button open-type="getUserInfo">`.
import { qqAuthDeny, qqProfile } from './fixtures.js'
import { createButtonHostSimulator, type ButtonHostScenario, type ButtonHostSimulator } from './host.js'

export type { HostAnswers, NativeCall, UserChoice, UserInfoButtonEvent } from './host.js'

export interface QqScenario extends ButtonHostScenario {
  /** The success res (without errMsg); default `qqProfile` (§6). */
  payload?: object
}

export interface QqGlobal {
  getUserInfo(options?: unknown): void
  getSetting(options?: unknown): void
}

export interface QqSimulator extends ButtonHostSimulator {
  /** Install with `vi.stubGlobal('qq', sim.qq)`. */
  qq: QqGlobal
}

/** Creates a fresh `qq` host with its own authorisation state and call log. */
export function createQq(scenario: QqScenario = {}): QqSimulator {
  const payload = scenario.payload ?? qqProfile
  return createButtonHostSimulator(
    scenario,
    {
      granted: () => payload, // §6 lists the credentials in every success
      denied: qqAuthDeny, // ⚠️ UNCONFIRMED errMsg (§6)
    },
    (host) => ({ qq: { getUserInfo: host.getUserInfo, getSetting: host.getSetting } }),
  )
}
