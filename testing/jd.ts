// Simulates the `jd` global of JD as far as the user profile is concerned. ⚠️ Community sources only (platforms.md
// §9): jd.getUserInfo after `<button open-type="getUserInfo">`, authSetting['scope.userInfo'] through jd.getSetting.
// The QQ rules (§6: no popup, fail until authorised) are assumed. Never our implementation (style.md §5).
// Its fixtures (raw payloads as the sources give them) come first.
import { frozen } from './bridge.js'
import { builtButtonHost, buttonHostKnobs, createButtonHostSimulator, errMsgFail, signedCredentials, type ButtonHostScenario, type ButtonHostSimulator } from './button-host.js'
import type { HostDescription, SimulatedRuntime } from './description.js'
import { silentCodeLogin } from './login.js'

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'
export type { UserInfoButtonEvent } from './button-host.js'

const jdUserInfo = {
  nickName: 'XXX',
  avatarUrl: 'https://img11.360buyimg.com/jdphoto/XXXXXXXX.png',
  gender: 2,
  country: '中国',
  province: '北京',
  city: '北京',
  language: 'zh_CN',
}
// platforms.md §9: ⚠️ UNCONFIRMED (community sources only): WeChat-like
// `{userInfo, rawData, signature, encryptedData, iv}`.
export const jdProfile = frozen({ userInfo: jdUserInfo, rawData: JSON.stringify(jdUserInfo), ...signedCredentials })
// platforms.md §9: ⚠️ UNCONFIRMED, WeChat's wording assumed.
export const jdAuthDeny = errMsgFail('getUserInfo:fail auth deny')

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

export const hosts = {
  jd: {
    name: 'JD',
    login: silentCodeLogin('jd'), // `jd.login` → `{ code }` ⚠️ (§13: unconfirmed), silent
    olderBaseLibrary: false,
    build(setting) {
      const sim = createJd(buttonHostKnobs(setting, jdProfile))
      return builtButtonHost('jd', sim.jd, sim)
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
