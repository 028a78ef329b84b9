// Simulates the `swan` global of Baidu as far as the user profile is concerned, following the documented host rules
// (platforms.md §7), never our implementation (style.md §5). Baidu never fails for a refusal: "若用户未登录或者拒绝授权，
// 会返回默认用户"百度网友"及默认的头像地址", a SUCCESS with `isAnonymous: true` (older docs).
import { clonePayload, createBridge, frozen, planAnswers, type Delivery, type HostAnswer, type HostAnswers, type NativeCall, type UserChoice } from './bridge.js'
import type { UserInfoButtonEvent } from './button-host.js'
import { successPayload, undocumentedFailure, userInfoMalformed, withUserInfoProfile, type HostDescription, type SimulatedRuntime } from './description.js'
import type { HostLogin } from './login.js'

/** "默认的头像地址" of the anonymous answer (§7). ⚠️ The docs do not print it; this URL is a placeholder. */
export const baiduDefaultAvatar = 'https://b.bdstatic.com/searchbox/icms/searchbox/img/XXXXXXXX-default-avatar.png'
const baiduData = { data: 'XXXXXXXX-data', iv: 'XXXXXXXX-iv' }

// platforms.md §7: current docs, `{userInfo:{nickName, avatarUrl, gender (Number)}, data, iv}`.
export const baiduProfile = frozen({
  userInfo: { nickName: 'XXX', avatarUrl: 'https://himg.bdimg.com/sys/portrait/item/XXXXXXXX', gender: 2 },
  ...baiduData,
})
// platforms.md §7: older docs, gender a String and userInfo.isAnonymous false on the normal path.
export const baiduProfileOlder = frozen({
  userInfo: {
    nickName: 'XXX',
    avatarUrl: 'https://himg.bdimg.com/sys/portrait/item/XXXXXXXX',
    gender: '1',
    isAnonymous: false,
  },
  ...baiduData,
})
// platforms.md §7: not logged in or refused: a SUCCESS with "百度网友" and the default avatar; isAnonymous true
// (older docs). ⚠️ gender 0 and the presence of data/iv in this answer are assumptions.
export const baiduAnonymous = frozen({
  userInfo: { nickName: '百度网友', avatarUrl: baiduDefaultAvatar, gender: 0, isAnonymous: true },
  ...baiduData,
})
// ⚠️ Placeholder for the 'success-then-fail' knob only: Baidu's fail codes were not collected (§0, §7
// "see swan.authorize codes"). The `{errCode, errMsg}` shape is assumed.
export const baiduHostFailure = frozen({ errCode: 10001, errMsg: 'getUserInfo:fail' })

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'
export type { UserInfoButtonEvent } from './button-host.js'

export interface SwanScenario {
  /** Whether the Baidu app has a logged-in user. Default true; false: every answer is the anonymous one. */
  loggedIn?: boolean
  /** The user's answer to a popup (getUserInfo's first-use one, or the button's without a choice). Default 'allow'. */
  choice?: UserChoice
  /** scope.userInfo already granted in an earlier session. Default false. */
  authorized?: boolean
  /** The success res once authorised; default `baiduProfile` (current docs). `baiduProfileOlder` is the older one. */
  payload?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. 'success-then-fail' sends the answer then `baiduHostFailure`. */
  answers?: HostAnswers
  /** If set, a call that would succeed calls `fail(failWith)` instead (a failure the host documents no answer for). */
  failWith?: object
}

export interface SwanGlobal {
  getUserInfo(options?: unknown): void
}

export interface SwanSimulator {
  /** Install with `vi.stubGlobal('swan', sim.swan)`. */
  swan: SwanGlobal
  /** The user presses `<button open-type="getUserInfo" bindgetuserinfo>`; returns the event the page receives. */
  pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** How many authorisation popups the user has seen. */
  readonly prompts: number
  /** Every native API call received, in order, with the options object exactly as passed. */
  readonly calls: NativeCall[]
  /** Every answer delivered to a callback, in order. */
  readonly answers: readonly HostAnswer[]
}

/** Creates a fresh `swan` host with its own authorisation state and call log. */
export function createSwan(scenario: SwanScenario = {}): SwanSimulator {
  const loggedIn = scenario.loggedIn ?? true
  const bridge = createBridge(scenario.latencyMs ?? 0)
  const payload = scenario.payload ?? baiduProfile
  let scope: boolean | undefined = scenario.authorized === true ? true : undefined
  let prompts = 0

  // The user's answer to one popup; it is remembered, so a refusal is not asked again by getUserInfo.
  function ask(choice: UserChoice): void {
    prompts += 1
    scope = choice === 'allow'
  }
  const defaultChoice = (): UserChoice => scenario.choice ?? 'allow'
  const answer = (): object => (loggedIn && scope === true ? payload : baiduAnonymous)

  const swan: SwanGlobal = {
    // "此 API 已被废弃，请使用 button 组件" yet still documented: "首次使用的用户会弹出授权提示窗" (§7).
    // ⚠️ Whether a logged-out user is offered the popup (or a login) is undocumented; none is shown here.
    getUserInfo(options?: unknown) {
      bridge.called('getUserInfo', options)
      if (loggedIn && scope === undefined) ask(defaultChoice())
      const res = answer()
      const first: Delivery = scenario.failWith === undefined ? ['success', res] : ['fail', scenario.failWith]
      bridge.answer('getUserInfo', options, planAnswers(scenario.answers ?? 'once', first, res, baiduHostFailure))
    },
  }

  return {
    swan,
    calls: bridge.calls,
    answers: bridge.answers,
    get authorized() {
      return scope === true
    },
    get prompts() {
      return prompts
    },
    pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent {
      // ⚠️ The button's detail is assumed to be the getUserInfo answer, anonymous included (§7 documents the API).
      if (loggedIn && scope !== true) ask(choice ?? defaultChoice())
      return { type: 'getuserinfo', detail: clonePayload(answer()) }
    },
  }
}

// `swan.login` → `{ code }`, valid 10 minutes (§13); it shows Baidu's login to a logged-out user, and closing it is
// the refusal (⚠️ the errMsg is undocumented). The adapter prefers `swan.getLoginCode` where a host has it.
const baiduLogin: HostLogin = {
  global: 'swan',
  api: 'login',
  success: (code) => ({ code, errMsg: 'login:ok' }),
  refusal: { errMsg: 'login:fail auth deny' },
  asksUser: () => true,
}

export const hosts = {
  baidu: {
    name: 'Baidu',
    olderBaseLibrary: false,
    login: baiduLogin,
    build(setting) {
      const sim = createSwan({
        latencyMs: setting.latencyMs,
        answers: setting.answers,
        choice: setting.choice,
        loggedIn: setting.scenario !== 'authorization-required',
        payload: successPayload(setting, baiduProfile, withUserInfoProfile, userInfoMalformed),
        failWith: setting.scenario === 'insufficient-permissions' ? undocumentedFailure('getUserInfo', setting.scenario) : undefined,
      })
      return { globals: { swan: sim.swan }, bridge: sim, requestApi: 'getUserInfo', authorize: sim.pressUserInfoButton }
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
