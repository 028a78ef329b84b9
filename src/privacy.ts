// One consent step for the hosts whose privacy layer sits in front of profile APIs: WeChat (since 2023-10-17, base
// library 2.32.3) and Douyin (apps created after 2024-03-25, 3.19.0): `getPrivacySetting`, `requirePrivacyAuthorize`
// and `onNeedPrivacyAuthorization` (platforms.md §17.1–§17.2). The adapter names the host object that carries them
// (`privacyHost`); on every other runtime, and on hosts too old to have them, there is no step to take.
import type { Adapter } from './adapter.js'
import { createError } from './create-error.js'
import { findAdapter } from './detect.js'
import { UserProfileError } from './errors.js'
import { readHostValue } from './host.js'
import { readField, readString } from './normalize.js'
import { heldByPrivacy } from './privacy-state.js'
import type { PrivacyConsentRequest, PrivacySetting, RuntimeName } from './types.js'

interface PrivacyHost {
  adapter: Adapter
  host: unknown
}

let waiting = 0
const heldError = (runtime: RuntimeName) =>
  createError('PRIVACY_NOT_AUTHORIZED', runtime, { advice: 'the privacy step is still waiting for the user: answer your onPrivacyConsent popup (agree or disagree)' })

function privacyHostOf(adapters: readonly Adapter[]): PrivacyHost | undefined {
  const adapter = findAdapter(adapters)
  if (!adapter || !adapter.privacyHost) return undefined
  return { adapter, host: readHostValue(adapter.readGlobals(), adapter.privacyHost) }
}

/** Calls `host[api]({ success, fail })`; `undefined` when the host lacks it. Settles once, whatever the host does. */
function callPrivacyApi(found: PrivacyHost, api: string): Promise<unknown> | undefined {
  const method = readHostValue(found.host, api)
  if (typeof method !== 'function') return undefined
  return new Promise((resolve, reject) => {
    method.call(found.host, {
      success: resolve,
      fail: (payload: unknown) => reject(found.adapter.mapFailure(payload)),
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

export function getPrivacySetting(adapters: readonly Adapter[]): Promise<PrivacySetting> {
  let found: PrivacyHost | undefined
  return guarded(() => {
    found = privacyHostOf(adapters)
    const answer = found && callPrivacyApi(found, 'getPrivacySetting')
    if (!answer) return Promise.resolve({ needAuthorization: false, contractName: '' })
    return answer.then((res) => ({
      needAuthorization: readField(res, 'needAuthorization') === true,
      contractName: readString(res, 'privacyContractName') || '',
    }))
  }, () => (found ? found.adapter.runtime : null))
}

export function requirePrivacyConsent(adapters: readonly Adapter[]): Promise<void> {
  let found: PrivacyHost | undefined
  return guarded(() => {
    found = privacyHostOf(adapters)
    const answer = found && callPrivacyApi(found, 'requirePrivacyAuthorize')
    return answer ? answer.then(() => undefined) : Promise.resolve()
  }, () => (found ? found.adapter.runtime : null))
}

export function onPrivacyConsent(adapters: readonly Adapter[], handler: (request: PrivacyConsentRequest) => void): boolean {
  try {
    const found = privacyHostOf(adapters)
    const register = found && readHostValue(found.host, 'onNeedPrivacyAuthorization')
    if (!found || typeof register !== 'function' || typeof handler !== 'function') return false
    register.call(found.host, (resolve: unknown, eventInfo: unknown) => {
      let answered = false
      waiting += 1
      heldByPrivacy.error = heldError
      const answer = (result: object) => {
        if (answered) return
        answered = true
        waiting -= 1
        if (!waiting) heldByPrivacy.error = undefined
        if (typeof resolve === 'function') resolve(result)
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
