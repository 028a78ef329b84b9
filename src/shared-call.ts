import type { Adapter, NativeOptions } from './adapter.js'
import { createError } from './create-error.js'
import { UserProfileError } from './errors.js'
import { normalizeText } from './normalize.js'
import type { OpenUserInfo } from './types.js'

/** How one call ended; `channel` says which native callback brought an error (Alipay reports 40003/40006 in `success`). */
export type CallResult =
  | { info: OpenUserInfo; countryName?: string }
  | { error: UserProfileError; channel: 'success' | 'fail' | 'library' }

export type Listener = (result: CallResult) => void

interface SharedCall {
  adapter: Adapter
  listeners: Listener[]
  settled: boolean
}

// Native calls under way, one per adapter: the call is a network round-trip and a prompt, so callers share it.
const inflight: SharedCall[] = []

function remove<T>(list: T[], item: T): void {
  const index = list.indexOf(item)
  if (index !== -1) list.splice(index, 1)
}

function settle(call: SharedCall, result: CallResult): void {
  if (call.settled) return // hosts that answer twice, or success then fail: the first answer wins
  call.settled = true
  remove(inflight, call)
  for (const listener of call.listeners) listener(result)
}

function fromSuccess(adapter: Adapter, nativePayload: unknown): CallResult {
  try {
    const mapped = adapter.mapSuccess(nativePayload)
    if (mapped instanceof UserProfileError) return { error: mapped, channel: 'success' }
    const countryName = adapter.readCountryName ? adapter.readCountryName(nativePayload) : undefined
    return countryName ? { info: mapped, countryName } : { info: mapped }
  } catch {
    return { error: createError('MALFORMED_RESPONSE', adapter.runtime), channel: 'library' }
  }
}

function fromFailure(adapter: Adapter, nativePayload: unknown): CallResult {
  try {
    return { error: adapter.mapFailure(nativePayload), channel: 'fail' }
  } catch {
    return { error: createError('NATIVE_ERROR', adapter.runtime), channel: 'library' }
  }
}

function start(call: SharedCall, globals: object, options: NativeOptions): void {
  const { adapter } = call
  let error: UserProfileError | undefined
  try {
    error = adapter.request(globals, options, {
      success: (nativePayload) => settle(call, fromSuccess(adapter, nativePayload)),
      fail: (nativePayload) => settle(call, fromFailure(adapter, nativePayload)),
    })
  } catch (thrown) {
    const nativeMessage = thrown instanceof Error ? normalizeText(thrown.message) : undefined
    error = createError('NATIVE_ERROR', adapter.runtime, { nativeMessage, advice: 'The native API threw instead of answering.' })
  }
  if (error) settle(call, { error, channel: 'library' })
}

/**
 * Joins the native call under way for this adapter, or starts one synchronously (WeChat honours only calls made
 * inside the tap). Returns `leave`: a caller that stops waiting leaves, and the last one to leave abandons the call.
 */
export function joinNativeCall(adapter: Adapter, globals: object, options: NativeOptions, listener: Listener): () => void {
  let call: SharedCall | undefined
  for (const candidate of inflight) if (candidate.adapter === adapter) call = candidate
  if (call) {
    call.listeners.push(listener)
  } else {
    call = { adapter, listeners: [listener], settled: false }
    inflight.push(call)
    start(call, globals, options)
  }
  const joined = call
  return () => {
    remove(joined.listeners, listener)
    if (joined.listeners.length === 0 && !joined.settled) {
      joined.settled = true // a late native answer now reaches no one, and the next call asks afresh
      remove(inflight, joined)
    }
  }
}
