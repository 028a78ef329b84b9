// What every simulator shares: the native bridge of mini-program hosts (success | fail, then complete with the same
// res, always from a timer), the hostile-host `answers` knob, the tap gesture window, and the frozen fixtures.

/** Deep-freezes a fixture, so a mapper that mutates its input fails loudly instead of corrupting the next test. */
export function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) frozen((value as Record<string, unknown>)[key])
    Object.freeze(value)
  }
  return value
}

/** A fresh copy of a JSON payload, as a host bridge builds one per callback (no structuredClone: not every engine has it). */
export function clonePayload<T>(payload: T): T {
  return payload === undefined ? payload : JSON.parse(JSON.stringify(payload))
}

/** Hostile-host knob: how many times, and with what, the host answers one call. Default 'once'. */
export type HostAnswers = 'once' | 'twice' | 'success-then-fail' | 'never' | 'throw'

/** What the user picks in a host's consent popup or authorisation page: the one word for it across the kit. */
export type UserChoice = 'allow' | 'deny'

/** One native API call as the host received it. */
export interface NativeCall {
  api: string
  options: unknown
}

/** One native answer as the host delivered it: the raw payload the library received. */
export interface HostAnswer {
  api: string
  callback: 'success' | 'fail'
  payload: unknown
}

/** One callback the host will fire: which one, and the res it passes. */
export type Delivery = readonly ['success' | 'fail', unknown]

type Callback = (res: unknown) => void

function callbackOf(options: unknown, name: 'success' | 'fail' | 'complete'): Callback | undefined {
  if (typeof options !== 'object' || options === null) return undefined
  const value: unknown = Reflect.get(options, name)
  return typeof value === 'function' ? (res: unknown) => Reflect.apply(value, undefined, [res]) : undefined
}

/** A simulated host's side of the bridge: what it was asked, what it answered. */
export interface Bridge {
  /** Every native API call received, in order, with the options object exactly as passed. */
  readonly calls: NativeCall[]
  /** Every answer delivered to a callback, in order. */
  readonly answers: HostAnswer[]
  /** Logs a call of `api`. */
  called(api: string, options: unknown): void
  /**
   * Fires each delivery of a call to `api` from its own timer, never synchronously: hosts answer through the native
   * bridge (platforms.md §1.2 "send a network request"; §3.2 the consent popup). Callbacks are read when the call is
   * made, as a bridge would. Each res is a fresh clone: a host builds a new object per callback, and cloning keeps
   * the frozen fixtures out of the caller's reach. `complete` gets the same res after success or fail.
   */
  answer(api: string, options: unknown, deliveries: readonly Delivery[]): void
}

/** A bridge answering after `latencyMs`; `logs` lets a second API of the same host (its login) log to the same lists. */
export function createBridge(latencyMs: number, logs: { calls: NativeCall[]; answers: HostAnswer[] } = { calls: [], answers: [] }): Bridge {
  const { calls, answers } = logs
  return {
    calls,
    answers,
    called(api, options) {
      calls.push({ api, options })
    },
    answer(api, options, deliveries) {
      const callbacks = { success: callbackOf(options, 'success'), fail: callbackOf(options, 'fail') }
      const complete = callbackOf(options, 'complete')
      for (const [kind, res] of deliveries) {
        setTimeout(() => {
          const copy = clonePayload(res)
          answers.push({ api, callback: kind, payload: copy })
          callbacks[kind]?.(copy)
          complete?.(copy)
        }, latencyMs)
      }
    },
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

/** The fail res of `first`, or `fallback` when `first` is a success (the fail half of 'success-then-fail'). */
export function failOf(first: Delivery, fallback: unknown): unknown {
  return first[0] === 'fail' ? first[1] : fallback
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
