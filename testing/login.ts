// The login call of every simulated host (platforms.md §13), as data in each host file: which global and API, the
// res of a success for one code, and the refusal when the host asks the user (a login page, an authorisation popup).
// `install` puts it on the host's global. Each call issues a fresh code, as hosts do (a code is single use), and it
// follows the same hostile-host `answers` knob as the profile call.
import { createBridge, failOf, planAnswers, type Delivery, type HostAnswer, type HostAnswers, type NativeCall } from './bridge.js'

/** How a simulated host logs the user in. */
export interface HostLogin {
  /** The global and the API, e.g. `wx` and `login`, `my` and `getAuthCode`. */
  readonly global: string
  readonly api: string
  /** The success res carrying `code` (the n-th code this installation issued; `''` for a malformed answer). */
  success(code: string, options: unknown): object
  /** What the host answers when the user closes its login page or refuses its popup. */
  readonly refusal: object
  /** Whether this call shows the user something they can refuse (Alipay's `auth_user`, Douyin's login page). */
  asksUser(options: unknown): boolean
  /** A call the host refuses before asking anyone, with its fail res (DingTalk without `corpId`). */
  rejects?(options: unknown): object | undefined
}

/** What the login call does in an installation: a code, the user's refusal (where asked), or a success without a code. */
export type LoginScenario = 'grant' | 'deny' | 'malformed'

export interface LoginKnobs {
  readonly scenario: LoginScenario
  readonly latencyMs: number
  readonly answers: HostAnswers
  /** The host's own logs, so login calls appear in `calls` and `answers` beside its other calls. */
  readonly logs: { calls: NativeCall[]; answers: HostAnswer[] }
}

/** Reads an option field of a caller's options object, as a host's bridge would. */
export function optionOf(options: unknown, key: string): unknown {
  return typeof options === 'object' && options !== null ? Reflect.get(options, key) : undefined
}

/** The host's login API for one installation. */
export function createLoginApi(login: HostLogin, knobs: LoginKnobs): (options?: unknown) => void {
  const bridge = createBridge(knobs.latencyMs, knobs.logs)
  let issued = 0
  return (options?: unknown) => {
    bridge.called(login.api, options)
    const code = `${login.global}-${login.api}-code-${++issued}` // a fresh, visibly simulated code per call
    const success = knobs.scenario === 'malformed' ? login.success('', options) : login.success(code, options)
    const rejected = login.rejects?.(options)
    const first: Delivery = rejected
      ? ['fail', rejected]
      : knobs.scenario === 'deny' && login.asksUser(options)
        ? ['fail', login.refusal]
        : ['success', success]
    bridge.answer(login.api, options, planAnswers(knobs.answers, first, success, failOf(first, login.refusal)))
  }
}

/** `<host>.login` → `{ code, errMsg: 'login:ok' }`, shown to no one: the WeChat convention its peers follow. */
export function silentCodeLogin(global: string): HostLogin {
  return { global, api: 'login', success: (code) => ({ code, errMsg: 'login:ok' }), refusal: { errMsg: 'login:fail' }, asksUser: () => false }
}
