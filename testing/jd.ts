// Simulates the `jd` global of JD as far as the user profile is concerned. ⚠️ Community sources only (platforms.md
// §9): jd.getUserInfo after `<button open-type="getUserInfo">`, authSetting['scope.userInfo'] through jd.getSetting.
// The QQ rules (§6: no popup, fail until authorised) are assumed. Never our implementation (style.md §5).
import { jdAuthDeny, jdProfile } from './fixtures.js'
import { createButtonHostSimulator, type ButtonHostScenario, type ButtonHostSimulator } from './host.js'

export type { HostAnswers, NativeCall, UserChoice, UserInfoButtonEvent } from './host.js'

export interface JdScenario extends ButtonHostScenario {
  /** The success res (without errMsg); default `jdProfile` (§9). */
  payload?: object
}

export interface JdGlobal {
  getUserInfo(options?: unknown): void
  getSetting(options?: unknown): void
}

export interface JdSimulator extends ButtonHostSimulator {
  /** Install with `vi.stubGlobal('jd', sim.jd)`. */
  jd: JdGlobal
}

/** Creates a fresh `jd` host with its own authorisation state and call log. */
export function createJd(scenario: JdScenario = {}): JdSimulator {
  const payload = scenario.payload ?? jdProfile
  return createButtonHostSimulator(
    scenario,
    { granted: () => payload, denied: jdAuthDeny }, // ⚠️ UNCONFIRMED errMsg (§9)
    (host) => ({ jd: { getUserInfo: host.getUserInfo, getSetting: host.getSetting } }),
  )
}
