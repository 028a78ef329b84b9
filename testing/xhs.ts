// Simulates the `xhs` global of Xiaohongshu as far as the user profile is concerned. ⚠️ The community sources
// conflict (platforms.md §10): one guide says there is no xhs.getUserInfo and the profile comes only from the
// `bindgetuserinfo` event of `<button open-type="getUserInfo">`; a test file mocks xhs.getUserInfo. By default the
// API is absent; with `hasGetUserInfo: true` it follows the QQ rules (§6). Never our implementation (style.md §5).
// Its fixtures (raw payloads as the sources give them) come first.
import { frozen } from './bridge.js'
import { builtButtonHost, buttonHostKnobs, createButtonHostSimulator, errMsgFail, type ButtonHostScenario, type ButtonHostSimulator } from './button-host.js'
import type { HostDescription, SimulatedRuntime } from './description.js'
import { silentCodeLogin } from './login.js'

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'
export type { UserInfoButtonEvent } from './button-host.js'

// platforms.md §10: ⚠️ UNCONFIRMED (a community test mock): `{userInfo:{nickName, avatarUrl}}`.
export const xhsProfile = frozen({
  userInfo: { nickName: 'XXX', avatarUrl: 'https://sns-avatar-qc.xhscdn.com/avatar/XXXXXXXX' },
})
// platforms.md §10: ⚠️ UNCONFIRMED, WeChat's wording assumed for a refusal at the button.
export const xhsAuthDeny = errMsgFail('getUserInfo:fail auth deny')

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

export const hosts = {
  xiaohongshu: {
    name: 'Xiaohongshu',
    login: silentCodeLogin('xhs'), // `xhs.login` → `{ code }` (§13), silent
    // The kit installs the host with xhs.getUserInfo; the older one is the host without it (§10).
    olderBaseLibrary: true,
    build(setting) {
      const sim = createXhs({ ...buttonHostKnobs(setting, xhsProfile), hasGetUserInfo: setting.hasApi })
      return builtButtonHost('xhs', sim.xhs, sim)
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
