// The WeChat-convention "getUserInfo + button" host several runtimes share (platforms.md §6,
// §8–§10), the payload pieces of those hosts, and how `install` sets one up for a scenario.
import { createBridge, frozen, planAnswers, clonePayload, failOf, type Delivery, type HostAnswer, type HostAnswers, type NativeCall, type UserChoice } from './bridge.js'
import { successPayload, undocumentedFailure, userInfoMalformed, withUserInfoProfile, type BuiltHost, type HostSetting } from './description.js'

/** `fail(res)` of the WeChat-convention hosts (tt, qq, ks, jd, xhs): `{errMsg}`; Douyin may add `errNo` (§4.4). */
export interface ErrMsgFailPayload {
  readonly errMsg: string
  readonly errNo?: number
}

/** Opaque `signature`/`encryptedData`/`iv` of the WeChat-convention hosts (§4.3, §6, §8, §9); never decrypted. */
export const signedCredentials = frozen({
  signature: 'XXXXXXXX-signature',
  encryptedData: 'XXXXXXXX-encryptedData',
  iv: 'XXXXXXXX-iv',
})

export const errMsgFail = (errMsg: string): ErrMsgFailPayload => frozen({ errMsg })

/**
 * The fail res of `getUserInfo` before the user was ever asked. WeChat's old `wx.getUserInfo` answered
 * "getUserInfo:fail scope unauthorized" there and "getUserInfo:fail auth deny" after a refusal (pages of that time
 * test for both); ⚠️ assumed for the hosts that copied it (QQ, Kuaishou, JD, Xiaohongshu print neither, §6–§10).
 */
export const scopeUnauthorized = errMsgFail('getUserInfo:fail scope unauthorized')

/** The `bindgetuserinfo` event a page receives from `<button open-type="getUserInfo">`. */
export interface UserInfoButtonEvent {
  type: 'getuserinfo'
  detail: object
}

/** The knobs every getUserInfo-button host shares. */
export interface ButtonHostScenario {
  /** The user's pick when `pressUserInfoButton()` is called without one. Default 'allow'. */
  choice?: UserChoice
  /** scope.userInfo already granted in an earlier session. Default false. */
  authorized?: boolean
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. */
  answers?: HostAnswers
  /** If set, a call that would succeed calls `fail(failWith)` instead (a failure the host documents no answer for). */
  failWith?: object
}

/** What a getUserInfo-button host's docs give: its success res (without errMsg) and its refusal. */
export interface ButtonHostAnswers {
  /** The success res without errMsg; `withCredentials` as the caller asked (the button always asks). */
  granted(withCredentials: boolean): object
  /** The fail res of a call after a refusal, also the detail of a refusal at the button (before one: `scopeUnauthorized`). */
  denied: object
}

/** The host's APIs, from which a simulator picks what its global exposes. */
export interface UserInfoHost {
  getUserInfo(options?: unknown): void
  getSetting(options?: unknown): void
}

/** What a getUserInfo-button host simulator offers beside its global. */
export interface ButtonHostSimulator {
  /** The user presses `<button open-type="getUserInfo" bindgetuserinfo>`; returns the event the page receives. */
  pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  readonly calls: NativeCall[]
  /** Every answer delivered to a callback, in order. */
  readonly answers: readonly HostAnswer[]
}

function wantsCredentials(options: unknown): boolean {
  return typeof options === 'object' && options !== null && Reflect.get(options, 'withCredentials') === true
}

/**
 * A getUserInfo-button host simulator: `getUserInfo` never shows a popup; it fails (`scopeUnauthorized` before the user
 * was asked, `denied` after a refusal) until scope.userInfo was granted through `<button open-type="getUserInfo">` ("在用户未授权过的情况下调用此接口，将不再出现授权弹窗，会直接进入 fail 回调",
 * §6). Every success res carries `errMsg: 'getUserInfo:ok'` as on WeChat (⚠️ those hosts' pages print no errMsg).
 * `globalOf` picks which APIs its global exposes; the result carries that global under its own name (`{ qq }`, `{ jd }`…).
 */
export function createButtonHostSimulator<G extends object>(
  scenario: ButtonHostScenario,
  docs: ButtonHostAnswers,
  globalOf: (host: UserInfoHost) => G,
): ButtonHostSimulator & G {
  const bridge = createBridge(scenario.latencyMs ?? 0)
  const answers = scenario.answers ?? 'once'
  // authSetting lists only scopes the user was asked about (WeChat convention ⚠️ for these hosts).
  let scope: boolean | undefined = scenario.authorized === true ? true : undefined
  const success = (withCredentials: boolean) => ({ ...docs.granted(withCredentials), errMsg: 'getUserInfo:ok' })

  const host: UserInfoHost = {
    getUserInfo(options?: unknown) {
      bridge.called('getUserInfo', options)
      const res = success(wantsCredentials(options))
      const granted: Delivery = scenario.failWith === undefined ? ['success', res] : ['fail', scenario.failWith]
      const first: Delivery = scope === true ? granted : ['fail', scope === false ? docs.denied : scopeUnauthorized]
      bridge.answer('getUserInfo', options, planAnswers(answers, first, res, failOf(first, docs.denied)))
    },
    getSetting(options?: unknown) {
      bridge.called('getSetting', options)
      const authSetting = scope === undefined ? {} : { 'scope.userInfo': scope }
      bridge.answer('getSetting', options, [['success', { authSetting, errMsg: 'getSetting:ok' }]])
    },
  }
  const simulator: ButtonHostSimulator = {
    calls: bridge.calls,
    answers: bridge.answers,
    get authorized() {
      return scope === true
    },
    pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent {
      // Once granted, the button answers with the data and shows no popup (WeChat convention, ⚠️ for these hosts).
      if (scope === true || (choice ?? scenario.choice ?? 'allow') === 'allow') {
        scope = true
        return { type: 'getuserinfo', detail: clonePayload(success(true)) }
      }
      scope = false
      return { type: 'getuserinfo', detail: clonePayload(docs.denied) }
    },
  }
  return Object.assign(simulator, globalOf(host))
}

/**
 * The knobs of a getUserInfo-button host for one `install` setting: the documented success res (or the malformed one)
 * with the caller's profile, and a plain native failure for `insufficient-permissions`, which none of them documents.
 */
export function buttonHostKnobs(setting: HostSetting, documented: object): ButtonHostScenario & { payload: object } {
  const failWith = setting.scenario === 'insufficient-permissions' ? undocumentedFailure('getUserInfo', setting.scenario) : undefined
  const payload = successPayload(setting, documented, withUserInfoProfile, userInfoMalformed)
  return { latencyMs: setting.latencyMs, answers: setting.answers, choice: setting.choice, failWith, payload }
}

/** A built getUserInfo-button host whose global is `name`. */
export function builtButtonHost(name: string, global: object, simulator: ButtonHostSimulator): BuiltHost {
  return { globals: { [name]: global }, bridge: simulator, requestApi: 'getUserInfo', authorize: simulator.pressUserInfoButton }
}
