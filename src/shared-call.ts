import type { Adapter, NativeOptions } from './adapter.js'
import { createError } from './create-error.js'
import { UserProfileError } from './errors.js'
import { normalizeText } from './normalize.js'
import type { OpenUserInfo } from './types.js'

/** Which native callback brought the result (Alipay reports 40003/40006 in `success`); 'library' when none did. */
export type Channel = 'success' | 'fail' | 'library'

/** Hears how a native call ended; `nativePayload` is the host's raw answer, for per-caller extras. */
export type Listener = (result: OpenUserInfo | UserProfileError, channel: Channel, nativePayload?: unknown) => void

export interface SharedCall {
  readonly adapter: Adapter
  readonly listeners: Listener[]
  ended: boolean
}

// Native calls under way, one per adapter: the call is a network round-trip and a prompt, so callers share it.
const inflight: SharedCall[] = []

/** Removes `item`, keeping the order of the rest (listeners hear the answer in the order they joined). */
function remove<T>(list: T[], item: T): void {
  const index = list.indexOf(item)
  if (index === list.length - 1) list.pop() // the usual case, without the array splice() allocates
  else if (index !== -1) list.splice(index, 1)
}

function end(call: SharedCall, result: OpenUserInfo | UserProfileError, channel: Channel, nativePayload?: unknown): void {
  call.ended = true
  remove(inflight, call)
  for (const listener of call.listeners) listener(result, channel, nativePayload)
}

/** The callback a host calls on `channel`: the first answer wins; later ones (hosts that answer twice) are dropped. */
function answerOn(call: SharedCall, channel: 'success' | 'fail'): (nativePayload: unknown) => void {
  const { adapter } = call
  return (nativePayload) => {
    if (call.ended) return
    let result: OpenUserInfo | UserProfileError
    try {
      result = channel === 'success' ? adapter.mapSuccess(nativePayload) : adapter.mapFailure(nativePayload)
    } catch {
      // Mappers are total; this is the last guard, so a host's answer can never throw into the host.
      return end(call, createError(channel === 'success' ? 'MALFORMED_RESPONSE' : 'NATIVE_ERROR', adapter.runtime), 'library')
    }
    end(call, result, channel, nativePayload)
  }
}

/**
 * Joins the native call under way for this adapter, or starts one synchronously (WeChat honours only calls made
 * inside the tap). A caller that stops waiting calls `leaveSharedCall`.
 */
export function joinSharedCall(adapter: Adapter, globals: object, options: NativeOptions, listener: Listener): SharedCall {
  for (const call of inflight) {
    if (call.adapter === adapter) {
      call.listeners.push(listener)
      return call
    }
  }
  const call: SharedCall = { adapter, listeners: [listener], ended: false }
  inflight.push(call)
  let error: UserProfileError | undefined
  try {
    error = adapter.request(globals, options, { success: answerOn(call, 'success'), fail: answerOn(call, 'fail') })
  } catch (thrown) {
    error = createError('NATIVE_ERROR', adapter.runtime, { nativeMessage: thrown instanceof Error ? normalizeText(thrown.message) : undefined })
  }
  if (error && !call.ended) end(call, error, 'library')
  return call
}

/** The last caller to leave abandons the call: a late native answer reaches no one, and the next call asks afresh. */
export function leaveSharedCall(call: SharedCall, listener: Listener): void {
  remove(call.listeners, listener)
  if (!call.listeners.length && !call.ended) {
    call.ended = true
    remove(inflight, call)
  }
}
