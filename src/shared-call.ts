import type { Adapter, NativeOptions } from './adapter.js'
import { createError, errorOfThrown } from './create-error.js'
import { UserProfileError } from './errors.js'
import { copyProfile } from './normalize.js'
import type { OpenUserInfo } from './types.js'

/** Which native callback brought the result (Alipay reports 40003/40006 in `success`); 'library' when none did. */
export type Channel = 'success' | 'fail' | 'library'

/** Hears how a native call ended; `nativePayload` is the host's raw answer, for per-caller extras. */
export type Listener = (result: OpenUserInfo | UserProfileError, channel: Channel, nativePayload?: unknown) => void

export interface SharedCall {
  /** In join order; a caller that stops waiting empties its own slot, so leaving is O(1) however many wait. */
  readonly listeners: (Listener | undefined)[]
  /** How many slots still hold a listener. */
  waiting: number
  ended: boolean
}

// Native calls under way, one per runtime: the call is a network round-trip and a prompt, so callers share it. The
// record hangs under a registered symbol on the realm's `Symbol` (every engine has it; not every mini program engine
// has `globalThis`), so two copies of this library in one bundle (an ESM and a CJS copy) share calls too. The key
// names the record's shape: change it with SharedCall. A frozen `Symbol` (an SES lockdown) keeps a copy's own record.
let inflight: Record<string, SharedCall | undefined> | undefined

/** Called by the first join (`inflight || openRegistry()`), so importing the library does nothing at module scope. */
function openRegistry(): Record<string, SharedCall | undefined> {
  const holder = Symbol as unknown as Record<symbol, typeof inflight>
  const key = Symbol.for('mini-user-profile.inflight.1')
  const registry = holder[key] || {}
  // Defining the same value again is allowed; on a frozen Symbol (an SES-style lockdown) it returns false and this
  // copy keeps its own record.
  Reflect.defineProperty(holder, key, { value: registry })
  return (inflight = registry)
}

/** Ends the call; the next caller starts a new one. */
function release(runtime: string, call: SharedCall): void {
  call.ended = true
  const calls = inflight as Record<string, SharedCall | undefined> // open: a call exists only after a join
  if (calls[runtime] === call) calls[runtime] = undefined
}

function end(runtime: string, call: SharedCall, result: OpenUserInfo | UserProfileError, channel: Channel, nativePayload?: unknown): void {
  if (call.ended) return
  release(runtime, call)
  // Each caller gets its own result object: the first the mapped one, the others copies, so one caller's change
  // (a `delete info.gender`) never reaches another.
  let shared = false
  for (const listener of call.listeners) {
    if (!listener) continue
    listener(shared && !(result instanceof Error) ? copyProfile(result) : result, channel, nativePayload)
    shared = true
  }
}

/** The callback a host calls on `channel`: the first answer wins; later ones (hosts that answer twice) are dropped. */
function answerOn(adapter: Adapter, call: SharedCall, channel: 'success' | 'fail'): (nativePayload: unknown, placeholder?: boolean) => void {
  return (nativePayload) => {
    if (call.ended) return
    let result: OpenUserInfo | UserProfileError
    try {
      result = channel === 'success' ? adapter.mapSuccess(nativePayload) : adapter.mapFailure(nativePayload)
    } catch {
      // Mappers are total; this is the last guard, so a host's answer can never throw into the host.
      result = createError(channel === 'success' ? 'MALFORMED_RESPONSE' : 'NATIVE_ERROR', adapter.runtime)
    }
    end(adapter.runtime, call, result, channel, nativePayload)
  }
}

/**
 * Joins the native call under way for this adapter's runtime, or starts one synchronously (WeChat honours only calls
 * made inside the tap). A caller that stops waiting calls `leaveSharedCall`. Every way out of the native call, a
 * throw included, ends the call, so no later caller joins a dead request.
 */
export function joinSharedCall(adapter: Adapter, globals: object, options: NativeOptions, listener: Listener): [SharedCall, number] {
  const calls = inflight || openRegistry()
  const running = calls[adapter.runtime]
  if (running && !running.ended) {
    running.waiting++
    return [running, running.listeners.push(listener) - 1]
  }
  const call: SharedCall = { listeners: [listener], waiting: 1, ended: false }
  calls[adapter.runtime] = call
  let error: UserProfileError | undefined
  try {
    error = adapter.request(globals, options, { success: answerOn(adapter, call, 'success'), fail: answerOn(adapter, call, 'fail') })
  } catch (thrown) {
    error = errorOfThrown(adapter.runtime, thrown)
  }
  if (error) end(adapter.runtime, call, error, 'library')
  return [call, 0]
}

/** The last caller to leave abandons the call: a late native answer reaches no one, and the next call asks afresh. */
export function leaveSharedCall(runtime: string, call: SharedCall, slot: number): void {
  if (!call.listeners[slot]) return
  call.listeners[slot] = undefined
  if (!--call.waiting && !call.ended) release(runtime, call)
}
