// Simulates the `xhs` global of Xiaohongshu as far as the user profile is concerned. ⚠️ The community sources
// conflict (platforms.md §10): one guide says there is no xhs.getUserInfo and the profile comes only from the
// `bindgetuserinfo` event of `<button open-type="getUserInfo">`; a test file mocks xhs.getUserInfo. By default the
// API is absent; with `hasGetUserInfo: true` it follows the QQ rules (§6). Never our implementation (style.md §5).
import { xhsAuthDeny, xhsProfile } from './fixtures.js'
import { createButtonHostSimulator, type ButtonHostScenario, type ButtonHostSimulator } from './host.js'

export type { HostAnswers, NativeCall, UserChoice, UserInfoButtonEvent } from './host.js'

export interface XhsScenario extends ButtonHostScenario {
  /** Default false: the API is absent (§10). */
  hasGetUserInfo?: boolean
  /** The success res (without errMsg); default `xhsProfile` (§10). */
  payload?: object
}

export interface XhsGlobal {
  getUserInfo?(options?: unknown): void
}

/** The button's event detail carries `userInfo` on allow, whether or not the API exists. */
export interface XhsSimulator extends ButtonHostSimulator {
  /** Install with `vi.stubGlobal('xhs', sim.xhs)`. */
  xhs: XhsGlobal
}

/** Creates a fresh `xhs` host with its own authorisation state and call log. */
export function createXhs(scenario: XhsScenario = {}): XhsSimulator {
  const payload = scenario.payload ?? xhsProfile
  return createButtonHostSimulator(
    scenario,
    { granted: () => payload, denied: xhsAuthDeny }, // ⚠️ UNCONFIRMED errMsg (§10)
    (host) => {
      const xhs: XhsGlobal = {}
      if (scenario.hasGetUserInfo === true) xhs.getUserInfo = host.getUserInfo
      return { xhs }
    },
  )
}
