// Simulates the `my` global of Taobao / Tmall / Fliggy as far as the user profile is concerned, following the
// documented host rules (platforms.md §11), never our implementation (style.md §5): my.authorize shows the popup
// for scope.userInfo once, "用户拒绝授权后 … 不允许开发者针对用户未同意/允许的授权项进行二次弹框申请", and
// my.getAuthUserInfo answers `{nickName, avatar}` only after a grant. There is no my.getOpenUserInfo here.
import {
  alipayFailUnknown,
  taobaoAuthorizeDenied,
  taobaoAuthorizeRefusedBefore,
  taobaoAuthUserInfo,
  taobaoNotAuthorized,
} from './fixtures.js'
import { deliver, planAnswers, type Delivery, type HostAnswers, type NativeCall, type UserChoice } from './host.js'

export type { HostAnswers, NativeCall, UserChoice } from './host.js'

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
  calls: NativeCall[]
}

function asksForUserInfo(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false
  const scopes: unknown = Reflect.get(options, 'scopes')
  return scopes === 'scope.userInfo' || (Array.isArray(scopes) && scopes.indexOf('scope.userInfo') !== -1)
}

/** Creates a fresh Taobao `my` host with its own authorisation state and call log. */
export function createTaobao(scenario: TaobaoScenario = {}): TaobaoSimulator {
  const app = scenario.app ?? 'TB'
  const latencyMs = scenario.latencyMs ?? 0
  const answers = scenario.answers ?? 'once'
  const payload = scenario.payload ?? taobaoAuthUserInfo
  const calls: NativeCall[] = []
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
      calls.push({ api: 'authorize', options })
      const first = answerAuthorize(options)
      const failRes = first[0] === 'fail' ? first[1] : taobaoAuthorizeDenied
      deliver(options, planAnswers(answers, first, {}, failRes), latencyMs)
    },
    // Scope table: scope.userInfo ↔ my.getAuthUserInfo (§11). ⚠️ The fail payload before a grant is assumed.
    getAuthUserInfo(options?: unknown) {
      calls.push({ api: 'getAuthUserInfo', options })
      const first: Delivery = scope === true ? ['success', payload] : ['fail', taobaoNotAuthorized]
      deliver(options, planAnswers(answers, first, payload, taobaoNotAuthorized), latencyMs)
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
    get authorized() {
      return scope === true
    },
    get prompts() {
      return prompts
    },
  }
}
