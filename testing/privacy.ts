// The privacy step WeChat (since 2023-10-17, base library 2.32.3) and Douyin (apps created after 2024-03-25, 3.19.0)
// put in front of privacy-scoped APIs such as getUserProfile (platforms.md §17.1–§17.2): `getPrivacySetting`,
// `requirePrivacyAuthorize`, `onNeedPrivacyAuthorization`. While consent is missing and the app has registered a
// listener, a scoped call stays pending until the app calls `resolve`; `{ event: 'disagree' }` fails it with
// "privacy permission is not authorized" (errno 104 on WeChat ⚠️). Without a listener the host shows its own popup,
// whose answer is the `hostPopupChoice` knob. Agreeing once holds for the rest of the session.
import type { Bridge, UserChoice } from './bridge.js'

export interface PrivacyScenario {
  /** Consent is still missing (`needAuthorization: true`). Default false. */
  needAuthorization?: boolean
  /** What the user picks in the host's own privacy popup, when the app registered no listener. Default 'allow'. */
  hostPopupChoice?: UserChoice
}

/** What a privacy-scoped API does next: go on to its own answer, or fail with the privacy errMsg. */
export type PrivacyOutcome = 'proceed' | 'refused'

export interface PrivacyStep {
  readonly api: {
    getPrivacySetting(options?: unknown): void
    requirePrivacyAuthorize(options?: unknown): void
    onNeedPrivacyAuthorization(listener: unknown): void
  }
  /** Whether consent is still missing. */
  readonly needAuthorization: boolean
  /** Whether a call waits for the app's listener to resolve. */
  readonly pending: boolean
  /** Runs `next` once the privacy step lets `api` through (at once when consent was given). */
  gate(api: string, next: (outcome: PrivacyOutcome) => void): void
}

export const privacyContractName = '《示例小程序隐私保护指引》'

export function createPrivacyStep(bridge: Bridge, scenario: PrivacyScenario): PrivacyStep {
  let needAuthorization = scenario.needAuthorization === true
  let listener: ((resolve: (result: unknown) => void, eventInfo: { referrer: string }) => void) | undefined
  let waiting = 0

  function gate(api: string, next: (outcome: PrivacyOutcome) => void): void {
    if (!needAuthorization) return next('proceed')
    if (!listener) {
      // The host's own popup (no listener registered): the user answers it.
      const agreed = scenario.hostPopupChoice !== 'deny'
      if (agreed) needAuthorization = false
      return next(agreed ? 'proceed' : 'refused')
    }
    waiting += 1
    let answered = false
    listener((result) => {
      if (answered) return
      answered = true
      waiting -= 1
      const agreed = typeof result === 'object' && result !== null && Reflect.get(result, 'event') === 'agree'
      if (agreed) needAuthorization = false
      next(agreed ? 'proceed' : 'refused')
    }, { referrer: api })
  }

  return {
    api: {
      getPrivacySetting(options) {
        bridge.called('getPrivacySetting', options)
        bridge.answer('getPrivacySetting', options, [['success', { needAuthorization, privacyContractName, errMsg: 'getPrivacySetting:ok' }]])
      },
      requirePrivacyAuthorize(options) {
        bridge.called('requirePrivacyAuthorize', options)
        gate('requirePrivacyAuthorize', (outcome) =>
          bridge.answer('requirePrivacyAuthorize', options, [
            outcome === 'proceed'
              ? ['success', { errMsg: 'requirePrivacyAuthorize:ok' }]
              : ['fail', { errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized', errno: 104 }],
          ]),
        )
      },
      onNeedPrivacyAuthorization(registered) {
        bridge.called('onNeedPrivacyAuthorization', registered)
        if (typeof registered === 'function') listener = (resolve, eventInfo) => Reflect.apply(registered, undefined, [resolve, eventInfo])
      },
    },
    get needAuthorization() {
      return needAuthorization
    },
    get pending() {
      return waiting > 0
    },
    gate,
  }
}
