// Simulates the `qq` global of QQ as far as the user profile is concerned, following the documented host rules
// (platforms.md §6), never our implementation (style.md §5): qq.getUserInfo shows no popup and fails until the user
// has authorised through `<button open-type="getUserInfo">`. Its fixtures (raw payloads as documented) come first.
import { frozen } from './bridge.js'
import { builtButtonHost, buttonHostKnobs, createButtonHostSimulator, errMsgFail, signedCredentials, type ButtonHostScenario, type ButtonHostSimulator } from './button-host.js'
import type { HostDescription, SimulatedRuntime } from './description.js'
import { silentCodeLogin } from './login.js'

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'
export type { UserInfoButtonEvent } from './button-host.js'

const qqUserInfo = {
  nickName: 'XXX',
  avatarUrl: 'https://thirdqq.qlogo.cn/g?b=sdk&k=XXXXXXXX&s=100',
  gender: 1, // 0 未知, 1 男, 2 女 (§6)
  country: '中国',
  province: '广东',
  city: '深圳',
  language: 'zh_CN',
}
// platforms.md §6: qq.getUserInfo success `{userInfo, rawData, signature, encryptedData, iv}`, userInfo as WeChat.
export const qqProfile = frozen({ userInfo: qqUserInfo, rawData: JSON.stringify(qqUserInfo), ...signedCredentials })
// platforms.md §6: ⚠️ UNCONFIRMED errMsg for a call before authorisation (no popup, straight to fail) and for a
// refusal at the button; WeChat's wording is assumed for both.
export const qqAuthDeny = errMsgFail('getUserInfo:fail auth deny')

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

export const hosts = {
  qq: {
    name: 'QQ',
    login: silentCodeLogin('qq'), // `qq.login` → `{ code }` ⚠️ (§13: unconfirmed), silent like wx.login
    olderBaseLibrary: false,
    build(setting) {
      const sim = createQq(buttonHostKnobs(setting, qqProfile))
      return builtButtonHost('qq', sim.qq, sim)
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
