// Simulates the `my` global of Taobao / Tmall / Fliggy as far as the user profile is concerned, following the
// documented host rules (platforms.md §11), never our implementation (style.md §5): my.authorize shows the popup
// for scope.userInfo once, "用户拒绝授权后 … 不允许开发者针对用户未同意/允许的授权项进行二次弹框申请", and
// my.getAuthUserInfo answers `{nickName, avatar}` only after a grant. There is no my.getOpenUserInfo here.
// Its fixtures (raw payloads as documented, deep-frozen) come first.
import { createBridge, failOf, frozen, planAnswers, type Delivery, type HostAnswer, type HostAnswers, type NativeCall, type UserChoice } from './bridge.js'
import { defined, successPayload, type HostDescription, type SimulatedRuntime } from './description.js'
import { alipayFail, alipayFailUnknown , authCodeLogin } from './my.js'

export type { HostAnswers, NativeCall, UserChoice } from './bridge.js'

// platforms.md §11: my.getAuthUserInfo success as uni-app's fallback reads it (`nickName`, `avatar`).
export const taobaoAuthUserInfo = frozen({
  nickName: 'XXX',
  avatar: 'https://wwc.alicdn.com/avatar/getAvatar.do?XXXXXXXX',
})
// platforms.md §11: my.authorize refused at the popup. ⚠️ UNCONFIRMED: Alipay's `{error, errorMessage}` shape and
// code 11 (用户取消授权, §13) are assumed for Taobao.
export const taobaoAuthorizeDenied = alipayFail(11, '用户取消授权')
// platforms.md §11: a later my.authorize for a refused scope, which fails with no popup ("不允许…二次弹框申请").
// ⚠️ UNCONFIRMED: Alipay's 2002 ("此前已经拒绝授权…此次调用直接失败", §2.4) is assumed.
export const taobaoAuthorizeRefusedBefore = alipayFail(2002, '用户此前已经拒绝授权，此次调用直接失败')
// platforms.md §11: my.getAuthUserInfo before a grant. ⚠️ UNCONFIRMED: Alipay's code 4 (无权调用, §2.4) is assumed.
export const taobaoNotAuthorized = alipayFail(4, '无权调用')


export interface TaobaoScenario {
  /** `my.getSystemInfoSync().app`; default 'TB' (⚠️ 'taobao' is also seen in community code, §11, §12). */
  app?: string
  /** What the user picks in the authorisation popup. Default 'allow'. */
  choice?: UserChoice
  /** The my.getAuthUserInfo success res; default `taobaoAuthUserInfo`. */
  payload?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'; applies to my.authorize and my.getAuthUserInfo. */
  answers?: HostAnswers
  /** If set, a my.getAuthUserInfo that would succeed calls `fail(failWith)` instead. */
  failWith?: object
}

export interface TaobaoMyGlobal {
  authorize(options?: unknown): void
  getAuthUserInfo(options?: unknown): void
  getSystemInfoSync(): { app: string }
  canIUse(name: string): boolean
}

export interface TaobaoSimulator {
  /** Install with `vi.stubGlobal('my', sim.my)`. */
  my: TaobaoMyGlobal
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** How many authorisation popups the user has seen (at most one per scope, §11). */
  readonly prompts: number
  /** Every native API call received, in order, with the options object exactly as passed. */
  readonly calls: NativeCall[]
  /** Every answer delivered to a callback, in order. */
  readonly answers: readonly HostAnswer[]
}

function asksForUserInfo(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false
  const scopes: unknown = Reflect.get(options, 'scopes')
  return scopes === 'scope.userInfo' || (Array.isArray(scopes) && scopes.indexOf('scope.userInfo') !== -1)
}

/** Creates a fresh Taobao `my` host with its own authorisation state and call log. */
export function createTaobao(scenario: TaobaoScenario = {}): TaobaoSimulator {
  const app = scenario.app ?? 'TB'
  const bridge = createBridge(scenario.latencyMs ?? 0)
  const calls = bridge.calls
  const answers = scenario.answers ?? 'once'
  const payload = scenario.payload ?? taobaoAuthUserInfo
  let scope: boolean | undefined
  let prompts = 0

  // Only scope.userInfo is simulated. ⚠️ Another or a missing scope fails with error 3, the code Alipay's
  // getAuthCode gives for bad scopes (§13); Taobao's own answer is undocumented.
  function answerAuthorize(options: unknown): Delivery {
    if (!asksForUserInfo(options)) return ['fail', alipayFailUnknown]
    if (scope === true) return ['success', {}]
    if (scope === false) return ['fail', taobaoAuthorizeRefusedBefore] // no second popup (§11)
    prompts += 1
    scope = scenario.choice !== 'deny'
    return scope ? ['success', {}] : ['fail', taobaoAuthorizeDenied]
  }

  const my: TaobaoMyGlobal = {
    authorize(options?: unknown) {
      bridge.called('authorize', options)
      const first = answerAuthorize(options)
      bridge.answer('authorize', options, planAnswers(answers, first, {}, failOf(first, taobaoAuthorizeDenied)))
    },
    // Scope table: scope.userInfo ↔ my.getAuthUserInfo (§11). ⚠️ The fail payload before a grant is assumed.
    getAuthUserInfo(options?: unknown) {
      bridge.called('getAuthUserInfo', options)
      const granted: Delivery = scenario.failWith === undefined ? ['success', payload] : ['fail', scenario.failWith]
      const first: Delivery = scope === true ? granted : ['fail', taobaoNotAuthorized]
      bridge.answer('getAuthUserInfo', options, planAnswers(answers, first, payload, taobaoNotAuthorized))
    },
    getSystemInfoSync() {
      calls.push({ api: 'getSystemInfoSync', options: undefined })
      return { app }
    },
    canIUse(name: string) {
      calls.push({ api: 'canIUse', options: name })
      return typeof Reflect.get(my, name) === 'function'
    },
  }

  return {
    my,
    calls,
    answers: bridge.answers,
    get authorized() {
      return scope === true
    },
    get prompts() {
      return prompts
    },
  }
}

export const hosts = {
  taobao: {
    name: 'Taobao',
    olderBaseLibrary: false,
    login: authCodeLogin, // ⚠️ Taobao's own my.getAuthCode page was not found: Alipay's answers (§13)
    build(setting) {
      const { scenario, profile } = setting
      const sim = createTaobao({
        latencyMs: setting.latencyMs,
        answers: setting.answers,
        choice: setting.choice,
        app: setting.app ?? 'TB',
        // my.getAuthUserInfo has no gender or country (§11); the malformed res has neither nickName nor avatar.
        payload: successPayload(setting, taobaoAuthUserInfo, (res) => ({ ...res, ...defined({ nickName: profile?.nickName, avatar: profile?.avatar }) }), { result: 'ok' }),
        // Taobao has no 40006/40003: my.getAuthUserInfo's general "无权调用" (error 4) stands for both.
        failWith: scenario === 'insufficient-permissions' || scenario === 'authorization-required' ? taobaoNotAuthorized : undefined,
      })
      return { globals: { my: sim.my }, bridge: sim, requestApi: 'authorize' }
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
