// What the `my` and `wx` simulators share: the async callback convention of mini-program hosts
// (success | fail, then complete with the same res) and the hostile-host `answers` knob.

/** Hostile-host knobs: how many times, and with what, the host answers one call. Default 'once'. */
export type HostAnswers = 'once' | 'twice' | 'success-then-fail' | 'never'

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
      const copy = structuredClone(res)
      callbacks[kind]?.(copy)
      complete?.(copy)
    }, latencyMs)
  }
}

/** Expands the `answers` knob around the answer a well-behaved host would give (`first`). */
export function planAnswers(answers: HostAnswers, first: Delivery, successRes: unknown, failRes: unknown): Delivery[] {
  switch (answers) {
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
