// One consent step for the hosts whose privacy layer sits in front of profile APIs: WeChat (since 2023-10-17, base
// library 2.32.3) and Douyin (apps created after 2024-03-25, 3.19.0): `getPrivacySetting`, `requirePrivacyAuthorize`
// and `onNeedPrivacyAuthorization` (platforms.md §17.1–§17.2). The host object is whichever global of the detected
// runtime carries one of them (no adapter flag, so a profile-only bundle ships no byte of it); on every other
// runtime, and on hosts too old to have them, there is no step to take.
import type { Adapter } from './adapter.js'
import { createError } from './create-error.js'
import { findAdapter } from './detect.js'
import { UserProfileError } from './errors.js'
import { readHostValue } from './host.js'
import { readField, readString } from './normalize.js'
import { heldByPrivacy } from './privacy-state.js'
import { DEFAULT_TIMEOUT_MS, MAX_TIMER_MS } from './options.js'
import type { PrivacyConsentRequest, PrivacyOptions, PrivacySetting, RuntimeName } from './types.js'

interface PrivacyHost {
  adapter: Adapter
  host: unknown
}

// The requests handed to the page and not answered yet.
const waitingRequests = new Set<object>()
const heldError = (runtime: RuntimeName) =>
  createError('PRIVACY_NOT_AUTHORIZED', runtime, { advice: 'the privacy step is still waiting for the user: answer your onPrivacyConsent popup (agree or disagree)' })

const PRIVACY_APIS = ['getPrivacySetting', 'requirePrivacyAuthorize', 'onNeedPrivacyAuthorization']

function privacyHostOf(adapters: readonly Adapter[]): PrivacyHost | undefined {
  const adapter = findAdapter(adapters)
  if (!adapter) return undefined
  const globals = adapter.readGlobals()
  for (const name in globals) {
    for (const api of PRIVACY_APIS) if (typeof readHostValue(globals[name], api) === 'function') return { adapter, host: globals[name] }
  }
  return undefined
}

/**
 * Calls `host[api]({ success, fail })`; `undefined` when the host lacks it. Settles once, whatever the host does, and
 * rejects TIMEOUT after `timeout` ms (a host that never answers must not hold the page forever).
 */
function callPrivacyApi(found: PrivacyHost, api: string, options: unknown): Promise<unknown> | undefined {
  const method = readHostValue(found.host, api)
  if (typeof method !== 'function') return undefined
  const timeout = readField(options, 'timeout')
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(createError('TIMEOUT', found.adapter.runtime)), typeof timeout === 'number' && timeout > 0 ? Math.min(timeout, MAX_TIMER_MS) : DEFAULT_TIMEOUT_MS)
    const settle = <T>(callback: (value: T) => void) => (value: T) => {
      clearTimeout(timer)
      callback(value)
    }
    method.call(found.host, {
      success: settle(resolve),
      fail: settle((payload: unknown) => reject(found.adapter.mapFailure(payload))),
    })
  })
}

/** Never throws: a hostile host or a throwing API ends in a UserProfileError. */
function guarded<T>(run: () => Promise<T>, runtime: () => RuntimeName | null): Promise<T> {
  try {
    return run().catch((error: unknown) => {
      throw error instanceof UserProfileError ? error : createError('NATIVE_ERROR', runtime())
    })
  } catch {
    return Promise.reject(createError('NATIVE_ERROR', runtime()))
  }
}

export function getPrivacySetting(adapters: readonly Adapter[], options?: PrivacyOptions): Promise<PrivacySetting> {
  let found: PrivacyHost | undefined
  return guarded(() => {
    found = privacyHostOf(adapters)
    const answer = found && callPrivacyApi(found, 'getPrivacySetting', options)
    if (!answer) return Promise.resolve({ needAuthorization: false, contractName: '' })
    return answer.then((res) => ({
      needAuthorization: readField(res, 'needAuthorization') === true,
      contractName: readString(res, 'privacyContractName') || '',
    }))
  }, () => (found ? found.adapter.runtime : null))
}

export function requirePrivacyConsent(adapters: readonly Adapter[], options?: PrivacyOptions): Promise<void> {
  let found: PrivacyHost | undefined
  return guarded(() => {
    found = privacyHostOf(adapters)
    const answer = found && callPrivacyApi(found, 'requirePrivacyAuthorize', options)
    return answer ? answer.then(() => undefined) : Promise.resolve()
  }, () => (found ? found.adapter.runtime : null))
}

export function onPrivacyConsent(adapters: readonly Adapter[], handler: (request: PrivacyConsentRequest) => void): boolean {
  try {
    const found = privacyHostOf(adapters)
    const register = found && readHostValue(found.host, 'onNeedPrivacyAuthorization')
    if (!found || typeof register !== 'function' || typeof handler !== 'function') return false
    register.call(found.host, (resolve: unknown, eventInfo: unknown) => {
      const request = {}
      waitingRequests.add(request)
      heldByPrivacy.error = heldError
      const answer = (result: { event: string; buttonId?: string }) => {
        if (!waitingRequests.has(request)) return
        // Consent given ends the step for every request still open (its popup answered them all); a refusal, this one.
        if (result.event === 'agree') waitingRequests.clear()
        else waitingRequests.delete(request)
        if (!waitingRequests.size) heldByPrivacy.error = undefined
        try {
          if (typeof resolve === 'function') resolve(result)
        } catch {
          // the host's own resolve failed: nothing the page can do about it, and nothing to throw into the page
        }
      }
      try {
        handler({
          referrer: readString(eventInfo, 'referrer') || '',
          agree: (buttonId?: string) => answer(buttonId === undefined ? { event: 'agree' } : { event: 'agree', buttonId }),
          disagree: () => answer({ event: 'disagree' }),
        })
      } catch {
        answer({ event: 'disagree' }) // a page whose handler throws cannot ask the user: the host must not wait forever
      }
    })
    return true
  } catch {
    return false
  }
}
