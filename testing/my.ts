// Simulates the `my` global of Alipay / Alipay+ wallets as far as getOpenUserInfo is concerned, following the
// documented host rules (platforms.md §1.2, §1.4, §2.2, §2.4), never our implementation (style.md §5).
import { alipay40003, alipay40006, alipayDocumented, alipayFailUnknown } from './fixtures.js'
import { deliver, planAnswers, type Delivery, type HostAnswers, type NativeCall, type UserChoice } from './host.js'

export type { HostAnswers, NativeCall, UserChoice } from './host.js'

export interface MyScenario {
  /** `my.getSystemInfoSync().app`; default 'alipay' (§2.5 lists 'DINGTALK', 'amap', 'UC', …). */
  app?: string
  /** Default true. false: getOpenUserInfo succeeds with the 40006 JSON (feature package not bound, §1.4, §2.4). */
  featureConnected?: boolean
  /** The full success `res` delivered once authorised; default `alipayDocumented`. */
  payload?: object
  /** If set, an authorised call calls `fail(failWith)` instead (JSAPI-level failure, §1.4). */
  failWith?: object
  /** Default 0. Callbacks are always asynchronous: the API sends a network request (§1.2). */
  latencyMs?: number
  /** Default true; false means the API is absent (base library < 1.16.4, §2.2). */
  hasGetOpenUserInfo?: boolean
  /** Default 'once'. 'twice' repeats the answer; 'success-then-fail' sends success then fail(failWith ?? error 3). */
  answers?: HostAnswers
}

/** Event passed to `onGetAuthorize` (the docs give no shape; its sample ignores it, §1.2). */
export interface AuthorizeGrantEvent {
  type: 'getAuthorize'
  detail: Record<string, never>
}
/** Event passed to `onError`: "event.detail = {type, errorMessage}, type 为 getAuthorize" (§2.2). */
export interface AuthorizeErrorEvent {
  type: 'error'
  detail: { type: 'getAuthorize'; errorMessage: string }
}
export type AuthorizeEvent = AuthorizeGrantEvent | AuthorizeErrorEvent

export interface MyGlobal {
  getOpenUserInfo?(options?: unknown): void
  getSystemInfoSync(): { app: string }
  canIUse(name: string): boolean
  getSetting(options?: unknown): void
}

export interface MySimulator {
  /** Install with `vi.stubGlobal('my', sim.my)`. */
  my: MyGlobal
  /** The user presses `<button open-type="getAuthorize" scope="userInfo">`; returns the event the page receives. */
  pressAuthorizeButton(choice?: UserChoice): AuthorizeEvent
  /** Whether the user has authorised through the button (what `my.getSetting` reports as `authSetting.userInfo`). */
  readonly authorized: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  calls: NativeCall[]
}

/** Creates a fresh `my` host with its own authorisation state and call log. */
export function createMy(scenario: MyScenario = {}): MySimulator {
  const app = scenario.app ?? 'alipay'
  const latencyMs = scenario.latencyMs ?? 0
  const hasGetOpenUserInfo = scenario.hasGetOpenUserInfo ?? true
  const calls: NativeCall[] = []
  let authorized = false

  // The server decides at request time: 40006 (feature) is checked before 40003 (grant), §2.2 items 1 and 2.
  function successRes(): object {
    if (scenario.featureConnected === false) return alipay40006
    if (!authorized) return alipay40003
    return scenario.payload ?? alipayDocumented
  }
  function isGranted(): boolean {
    return scenario.featureConnected !== false && authorized
  }

  const my: MyGlobal = {
    getSystemInfoSync() {
      calls.push({ api: 'getSystemInfoSync', options: undefined })
      return { app }
    },
    canIUse(name: string) {
      calls.push({ api: 'canIUse', options: name })
      if (name === 'getOpenUserInfo') return hasGetOpenUserInfo
      if (name === 'button.open-type.getAuthorize') return true // base lib 1.11.0 (§2.2)
      if (name === 'saveFileToDingTalk') return app === 'DINGTALK' // uni-app's DingTalk probe (§12)
      return typeof Reflect.get(my, name) === 'function'
    },
    // FAQ: "可通过 my.getSetting 接口返回的 userInfo 字段判断 … userInfo 为 true 即已授权" (§2.2).
    getSetting(options?: unknown) {
      calls.push({ api: 'getSetting', options })
      deliver(options, [['success', { authSetting: { userInfo: authorized } }]], latencyMs)
    },
  }
  if (hasGetOpenUserInfo) {
    my.getOpenUserInfo = (options?: unknown) => {
      calls.push({ api: 'getOpenUserInfo', options })
      const res = successRes()
      const failWith = scenario.failWith
      // failWith replaces only a granted answer: 40006/40003 are decided by the server before any profile fetch.
      const first: Delivery = failWith !== undefined && isGranted() ? ['fail', failWith] : ['success', res]
      deliver(options, planAnswers(scenario.answers ?? 'once', first, res, failWith ?? alipayFailUnknown), latencyMs)
    }
  }

  return {
    my,
    calls,
    get authorized() {
      return authorized
    },
    pressAuthorizeButton(choice: UserChoice = 'allow'): AuthorizeEvent {
      if (choice === 'allow') {
        authorized = true
        return { type: 'getAuthorize', detail: {} }
      }
      // A denial does not revoke an earlier grant: the docs describe no revocation through the button.
      return { type: 'error', detail: { type: 'getAuthorize', errorMessage: '用户取消授权' } }
    },
  }
}
