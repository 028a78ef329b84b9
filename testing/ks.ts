// Simulates the `ks` global of Kuaishou mini programs as far as the user profile is concerned, following the
// documented host rules (platforms.md §8), never our implementation (style.md §5): ks.getUserInfo "调用前需要 用户授权
// scope.userInfo". ⚠️ How the grant is obtained is unconfirmed (§0); the getUserInfo button of the QQ rules is assumed.
// Its fixtures (raw payloads exactly as documented, deep-frozen; never edit one to make a test pass) come first.
import { frozen } from './bridge.js'
import { builtButtonHost, buttonHostKnobs, createButtonHostSimulator, errMsgFail, signedCredentials, type ButtonHostScenario, type ButtonHostSimulator } from './button-host.js'
import type { HostDescription, SimulatedRuntime } from './description.js'
import { silentCodeLogin } from './login.js'

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'
export type { UserInfoButtonEvent } from './button-host.js'

const kuaishouUserInfo = { nickName: 'XXX', avatarUrl: 'https://p2.a.yximgs.com/uhead/AB/XXXXXXXX.jpg' }
// platforms.md §8: mini program, UserInfoResult (withCredentials false).
export const kuaishouProfile = frozen({ userInfo: kuaishouUserInfo })
// platforms.md §8: mini program, AuthorizedUserInfoResult (withCredentials true).
export const kuaishouProfileWithCredentials = frozen({
  userInfo: kuaishouUserInfo,
  rawData: JSON.stringify(kuaishouUserInfo),
  ...signedCredentials,
})
// platforms.md §8: mini game, gender a string "M"/"F"; field set from game-docs.kwai.com (userCity, age, unionID).
const kuaishouGameUserInfo = { ...kuaishouUserInfo, gender: 'F', userCity: '北京', age: 25, unionID: 'XXXXXXXX-unionID' }
export const kuaishouGameProfile = frozen({
  userInfo: kuaishouGameUserInfo,
  rawData: JSON.stringify(kuaishouGameUserInfo),
  signature: signedCredentials.signature,
})
// platforms.md §8: "auth deny 用户…" (the table is cut off). ⚠️ The full errMsg wording is assumed.
export const kuaishouAuthDeny = errMsgFail('getUserInfo:fail auth deny')

export interface KsScenario extends ButtonHostScenario {
  /** The UserInfoResult (without errMsg); default `kuaishouProfile`. With credentials the host adds rawData and the signed fields. */
  payload?: object
}

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
  const payload = scenario.payload ?? kuaishouProfile
  // UserInfoResult, or AuthorizedUserInfoResult with withCredentials: true (§8).
  const withCredentials = () => {
    const userInfo: unknown = Reflect.get(payload, 'userInfo')
    return { ...payload, ...(userInfo === undefined ? {} : { rawData: JSON.stringify(userInfo) }), ...signedCredentials }
  }
  return createButtonHostSimulator(
    scenario,
    {
      granted: (credentials) => (credentials ? withCredentials() : payload),
      denied: kuaishouAuthDeny, // "auth deny …", the rest of the table is cut off (§8) ⚠️
    },
    (host) => ({ ks: { getUserInfo: host.getUserInfo } }),
  )
}

export const hosts = {
  kuaishou: {
    name: 'Kuaishou',
    login: silentCodeLogin('ks'), // `ks.login` → `{ code }` ⚠️ (§13: unconfirmed), silent
    olderBaseLibrary: false,
    build(setting) {
      const sim = createKs(buttonHostKnobs(setting, kuaishouProfile))
      return builtButtonHost('ks', sim.ks, sim)
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
