// What the simulators share: the async callback convention of mini-program hosts
// (success | fail, then complete with the same res), the hostile-host `answers` knob, the tap gesture window and
// the WeChat-convention getUserInfo + button host.

/** Hostile-host knobs: how many times, and with what, the host answers one call. Default 'once'. */
/** A fresh copy of a JSON payload, as a host bridge builds one per callback (no structuredClone: not every engine has it). */
export function clonePayload<T>(payload: T): T {
  return payload === undefined ? payload : JSON.parse(JSON.stringify(payload))
}

export type HostAnswers = 'once' | 'twice' | 'success-then-fail' | 'never' | 'throw'

/** One native API call as the host received it. */
export interface NativeCall {
  api: string
  options: unknown
}

/** One callback the host will fire: which one, and the res it passes. */
export type Delivery = readonly ['success' | 'fail', unknown]

type Callback = (res: unknown) => void

function callbackOf(options: unknown, name: 'success' | 'fail' | 'complete'): Callback | undefined {
  if (typeof options !== 'object' || options === null) return undefined
  const value: unknown = Reflect.get(options, name)
  return typeof value === 'function' ? (res: unknown) => Reflect.apply(value, undefined, [res]) : undefined
}

/**
 * Fires each delivery from its own timer, never synchronously: both hosts answer through the native bridge
 * (platforms.md §1.2 "send a network request"; §3.2 the consent popup). Callbacks are read when the call is
 * made, as a bridge would. Each res is a fresh clone: a host builds a new object per callback, and cloning keeps
 * the frozen fixtures out of the caller's reach. `complete` gets the same res after success or fail.
 */
export function deliver(options: unknown, deliveries: readonly Delivery[], latencyMs: number): void {
  const callbacks = { success: callbackOf(options, 'success'), fail: callbackOf(options, 'fail') }
  const complete = callbackOf(options, 'complete')
  for (const [kind, res] of deliveries) {
    setTimeout(() => {
      const copy = clonePayload(res)
      callbacks[kind]?.(copy)
      complete?.(copy)
    }, latencyMs)
  }
}

/** Expands the `answers` knob around the answer a well-behaved host would give (`first`). */
export function planAnswers(answers: HostAnswers, first: Delivery, successRes: unknown, failRes: unknown): Delivery[] {
  switch (answers) {
    case 'throw':
      // A broken bridge: the API throws synchronously, inside the caller's call, and never answers.
      throw new Error('simulated bridge failure')
    case 'once':
      return [first]
    case 'twice':
      return [first, first]
    case 'success-then-fail':
      return [
        ['success', successRes],
        ['fail', failRes],
      ]
    case 'never':
      return []
  }
}

/** A user gesture (tap) window, as WeChat and Douyin check it (platforms.md §3.4, §4.2). */
export interface Gesture {
  /** True only while a `run` handler executes synchronously. */
  readonly active: boolean
  /** Runs `handler` inside the gesture; an `await`, a `.then` or a timer inside it leaves the gesture. */
  run<T>(handler: () => T): T
}

export function createGesture(): Gesture {
  let depth = 0
  return {
    get active() {
      return depth > 0
    },
    run<T>(handler: () => T): T {
      depth += 1
      try {
        return handler()
      } finally {
        depth -= 1
      }
    },
  }
}

/** What the user picks in a host's consent popup or authorisation page: the one word for it across the kit. */
export type UserChoice = 'allow' | 'deny'

/** The `bindgetuserinfo` event a page receives from `<button open-type="getUserInfo">`. */
export interface UserInfoButtonEvent {
  type: 'getuserinfo'
  detail: object
}

export interface UserInfoHostConfig {
  calls: NativeCall[]
  latencyMs: number
  answers: HostAnswers
  /** scope.userInfo already granted in an earlier session. */
  authorized: boolean
  /** The user's pick when `pressUserInfoButton()` is called without one. */
  choice: UserChoice
  /** The success res without errMsg; `withCredentials` as the caller asked (the button always asks). */
  granted(withCredentials: boolean): object
  /** The fail res of an unauthorised call, also the detail of a refusal at the button. */
  denied: object
}

export interface UserInfoHost {
  getUserInfo(options?: unknown): void
  getSetting(options?: unknown): void
  pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent
  readonly authorized: boolean
}

function wantsCredentials(options: unknown): boolean {
  return typeof options === 'object' && options !== null && Reflect.get(options, 'withCredentials') === true
}

/**
 * The WeChat-convention "getUserInfo + button" host (QQ §6, Kuaishou §8, JD §9, Xiaohongshu §10):
 * `getUserInfo` never shows a popup; it fails until scope.userInfo was granted through
 * `<button open-type="getUserInfo">` ("在用户未授权过的情况下调用此接口，将不再出现授权弹窗，会直接进入 fail 回调", §6).
 * Every success res carries `errMsg: 'getUserInfo:ok'` as on WeChat (⚠️ the QQ/KS/JD/XHS pages print no errMsg).
 */
export function createUserInfoHost(config: UserInfoHostConfig): UserInfoHost {
  // authSetting lists only scopes the user was asked about (WeChat convention ⚠️ for these hosts).
  let scope: boolean | undefined = config.authorized ? true : undefined
  const success = (withCredentials: boolean) => ({ ...config.granted(withCredentials), errMsg: 'getUserInfo:ok' })

  return {
    get authorized() {
      return scope === true
    },
    getUserInfo(options?: unknown) {
      config.calls.push({ api: 'getUserInfo', options })
      const res = success(wantsCredentials(options))
      const first: Delivery = scope === true ? ['success', res] : ['fail', config.denied]
      deliver(options, planAnswers(config.answers, first, res, config.denied), config.latencyMs)
    },
    getSetting(options?: unknown) {
      config.calls.push({ api: 'getSetting', options })
      const authSetting = scope === undefined ? {} : { 'scope.userInfo': scope }
      deliver(options, [['success', { authSetting, errMsg: 'getSetting:ok' }]], config.latencyMs)
    },
    pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent {
      // Once granted, the button answers with the data and shows no popup (WeChat convention, ⚠️ for these hosts).
      const picked = choice ?? config.choice
      if (scope === true || picked === 'allow') {
        scope = true
        return { type: 'getuserinfo', detail: clonePayload(success(true)) }
      }
      scope = false
      return { type: 'getuserinfo', detail: clonePayload(config.denied) }
    },
  }
}

/** The knobs every getUserInfo-button host shares (QQ, JD, Kuaishou, Xiaohongshu). */
export interface ButtonHostScenario {
  /** The user's pick when `pressUserInfoButton()` is called without one. Default 'allow'. */
  choice?: UserChoice
  /** scope.userInfo already granted in an earlier session. Default false. */
  authorized?: boolean
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. */
  answers?: HostAnswers
}

/** What a getUserInfo-button host simulator offers beside its global. */
export interface ButtonHostSimulator {
  /** The user presses `<button open-type="getUserInfo" bindgetuserinfo>`; returns the event the page receives. */
  pressUserInfoButton(choice?: UserChoice): UserInfoButtonEvent
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  calls: NativeCall[]
}

/**
 * A getUserInfo-button host simulator: `globalOf` picks which of the host's APIs its global exposes, and the result
 * carries that global under its own name (`{ qq }`, `{ jd }`…) beside the button, the grant state and the call log.
 */
export function createButtonHostSimulator<G extends object>(
  scenario: ButtonHostScenario,
  answers: Pick<UserInfoHostConfig, 'granted' | 'denied'>,
  globalOf: (host: UserInfoHost) => G,
): ButtonHostSimulator & G {
  const calls: NativeCall[] = []
  const host = createUserInfoHost({
    calls,
    latencyMs: scenario.latencyMs ?? 0,
    answers: scenario.answers ?? 'once',
    authorized: scenario.authorized ?? false,
    choice: scenario.choice ?? 'allow',
    granted: answers.granted,
    denied: answers.denied,
  })
  const simulator: ButtonHostSimulator = {
    calls,
    pressUserInfoButton: host.pressUserInfoButton,
    get authorized() {
      return host.authorized
    },
  }
  return Object.assign(simulator, globalOf(host))
}
