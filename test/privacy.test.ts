// The privacy step of WeChat (platforms.md §17.1) and Douyin (§17.2): the kit's host follows the documented rules,
// and the library's getPrivacySetting / requirePrivacyConsent / onPrivacyConsent drive it; a call the host holds for
// the step ends in PRIVACY_NOT_AUTHORIZED, never a bare TIMEOUT that hides the cause.
import { afterEach, describe, expect, it } from 'vitest'
import { getPrivacySetting, getUserProfile, onPrivacyConsent, requirePrivacyConsent, type PrivacyConsentRequest } from '../src/index'
import { install, SIMULATED_RUNTIMES, type SimulatedHost } from '../testing/index'
import { createTt, douyinPrivacyRefused } from '../testing/tt'
import { createWx, wechatPrivacy104 } from '../testing/wx'
import { privacyContractName } from '../testing/privacy'
import { errorFields } from './adapters/helpers'

const afterHost = () => new Promise((resolve) => setTimeout(resolve, 5))
type Answer = readonly [string, unknown]
function recorder() {
  const events: Answer[] = []
  return { events, options: { desc: 'Show your avatar', success: (res: unknown) => events.push(['success', res]), fail: (res: unknown) => events.push(['fail', res]) } }
}

let host: SimulatedHost | undefined
afterEach(() => {
  host?.restore()
  host = undefined
})

const privacyRuntimes = ['wechat', 'douyin'] as const
const withoutStep = SIMULATED_RUNTIMES.filter((runtime) => !(privacyRuntimes as readonly string[]).includes(runtime))

describe('the kit: a privacy-scoped call while consent is missing (§17.1)', () => {
  const hosts = [
    ['wx', () => { const sim = createWx({ privacyStep: { needAuthorization: true } }); return { sim, api: sim.wx, refused: wechatPrivacy104 } }],
    ['tt', () => { const sim = createTt({ privacyStep: { needAuthorization: true } }); return { sim, api: sim.tt, refused: douyinPrivacyRefused } }],
  ] as const

  it.each(hosts)('%s: stays pending until the app\'s listener resolves, then goes on (agree) or fails (disagree)', async (_name, make) => {
    for (const [event, expected] of [['agree', 'success'], ['disagree', 'fail']] as const) {
      const { sim, api, refused } = make()
      let resolve: ((result: object) => void) | undefined
      let referrer: unknown
      api.onNeedPrivacyAuthorization?.((r: (result: object) => void, info: { referrer: string }) => {
        resolve = r
        referrer = info.referrer
      })
      const { events, options } = recorder()
      sim.tap(() => api.getUserProfile?.(options))
      await afterHost()
      expect(events).toEqual([])
      expect(sim.privacy.pending).toBe(true)
      expect(referrer).toBe('getUserProfile')
      resolve?.({ event })
      await afterHost()
      expect(events.map(([kind]) => kind)).toEqual([expected])
      if (expected === 'fail') expect(events[0]?.[1]).toEqual(refused)
      expect(sim.privacy).toMatchObject({ pending: false, needAuthorization: event === 'disagree' })
    }
  })

  it.each(hosts)('%s: shows its own popup when the app registered no listener, and answers getPrivacySetting', async (_name, make) => {
    const { sim, api } = make()
    const setting = recorder()
    api.getPrivacySetting?.(setting.options)
    await afterHost()
    expect(setting.events[0]?.[1]).toMatchObject({ needAuthorization: true, privacyContractName })
    const { events, options } = recorder()
    sim.tap(() => api.getUserProfile?.(options))
    await afterHost()
    expect(events.map(([kind]) => kind)).toEqual(['success'])
    expect(sim.privacy.needAuthorization).toBe(false)
  })

  it('still refuses a call outside the tap first, and keeps the gesture of a held call', async () => {
    const sim = createWx({ privacyStep: { needAuthorization: true } })
    const { events, options } = recorder()
    sim.wx.getUserProfile?.(options)
    await afterHost()
    expect(events[0]?.[1]).toMatchObject({ errMsg: expect.stringContaining('TAP gesture') })
  })
})

describe.each(privacyRuntimes)('the library on %s', (runtime) => {
  it('reports needAuthorization until the user agreed through requirePrivacyConsent', async () => {
    host = install(runtime, { scenario: 'privacy-required' })
    await expect(getPrivacySetting()).resolves.toEqual({ needAuthorization: true, contractName: privacyContractName })
    const requests: PrivacyConsentRequest[] = []
    expect(onPrivacyConsent((request) => requests.push(request))).toBe(true)
    const consent = requirePrivacyConsent()
    await afterHost()
    expect(requests.map((request) => request.referrer)).toEqual(['requirePrivacyAuthorize'])
    requests[0]?.agree()
    await expect(consent).resolves.toBeUndefined()
    await expect(getPrivacySetting()).resolves.toMatchObject({ needAuthorization: false })
  })

  it('rejects requirePrivacyConsent with PRIVACY_NOT_AUTHORIZED when the user disagrees', async () => {
    host = install(runtime, { scenario: 'privacy-required' })
    onPrivacyConsent((request) => request.disagree())
    const error = await requirePrivacyConsent().catch((caught: unknown) => caught)
    expect(errorFields(error)).toMatchObject({ code: 'PRIVACY_NOT_AUTHORIZED', runtime })
  })

  it('ends a profile call held by the privacy step in PRIVACY_NOT_AUTHORIZED, not a bare TIMEOUT, with the native call made in the tap', async () => {
    host = install(runtime, { scenario: 'privacy-required' })
    const requests: PrivacyConsentRequest[] = []
    onPrivacyConsent((request) => requests.push(request))
    const installed = host
    const call = installed.tap(() => getUserProfile({ timeout: 50 }))
    expect(installed.calls.filter((c) => c.api === installed.requestApi)).toHaveLength(1) // no await before it
    const error = await call.catch((caught: unknown) => caught)
    expect(errorFields(error)).toMatchObject({ code: 'PRIVACY_NOT_AUTHORIZED', runtime })
    expect((error as Error).message).toContain('privacy step is still waiting')
    requests[0]?.disagree()
    // once answered, a call that truly times out is a TIMEOUT again
    await afterHost()
    host.restore()
    const later = install(runtime, { override: { answers: 'never' } })
    const timedOut = await later.tap(() => getUserProfile({ timeout: 20 })).catch((caught: unknown) => caught)
    later.restore()
    expect(errorFields(timedOut).code).toBe('TIMEOUT')
  })

  it('goes on to the profile once the page agrees, and fails PRIVACY_NOT_AUTHORIZED when it disagrees', async () => {
    for (const answer of ['agree', 'disagree'] as const) {
      host = install(runtime, { scenario: 'privacy-required' })
      onPrivacyConsent((request) => setTimeout(() => request[answer](), 10))
      const installed = host
      const outcome = await installed.tap(() => getUserProfile()).then((info) => info.code, (error: { code: string }) => error.code)
      expect(outcome).toBe(answer === 'agree' ? '10000' : 'PRIVACY_NOT_AUTHORIZED')
      host.restore()
    }
  })

  it('answers disagree for a page whose handler throws, so the host never waits forever', async () => {
    host = install(runtime, { scenario: 'privacy-required' })
    onPrivacyConsent(() => { throw new Error('page bug') })
    await expect(requirePrivacyConsent()).rejects.toMatchObject({ code: 'PRIVACY_NOT_AUTHORIZED' })
  })
})

describe('no privacy step', () => {
  it.each(withoutStep)('on %s: nothing to ask, nothing registered', async (runtime) => {
    host = install(runtime)
    await expect(getPrivacySetting()).resolves.toEqual({ needAuthorization: false, contractName: '' })
    await expect(requirePrivacyConsent()).resolves.toBeUndefined()
    expect(onPrivacyConsent(() => undefined)).toBe(false)
  })

  it('never throws on a hostile host', async () => {
    const hostile = Object.defineProperty(createWx().wx, 'getPrivacySetting', { get() { throw new Error('hostile') } })
    host = install('wechat')
    Object.defineProperty(globalThis, 'wx', { value: Object.assign(hostile, { requirePrivacyAuthorize() { throw new Error('bridge') } }), configurable: true, writable: true })
    await expect(getPrivacySetting()).resolves.toMatchObject({ needAuthorization: false })
    await expect(requirePrivacyConsent()).rejects.toMatchObject({ code: 'NATIVE_ERROR', runtime: 'wechat' })
  })
})

// Found in review.
describe('the privacy step: answers and hosts that misbehave', () => {
  it('ends the waiting once consent is given through any request, so a later host timeout is a TIMEOUT again', async () => {
    host = install('wechat', { scenario: 'privacy-required' })
    const requests: PrivacyConsentRequest[] = []
    onPrivacyConsent((request) => requests.push(request))
    const consent = requirePrivacyConsent()
    const installed = host
    const profile = installed.tap(() => getUserProfile())
    await afterHost()
    expect(requests).toHaveLength(2)
    requests[1]?.agree() // the page answers only its latest popup
    await expect(profile).resolves.toMatchObject({ code: '10000' })
    host.restore()
    const later = install('wechat', { override: { answers: 'never' } })
    const timedOut = await later.tap(() => getUserProfile({ timeout: 20 })).catch((caught: unknown) => caught)
    later.restore()
    expect(errorFields(timedOut).code).toBe('TIMEOUT')
    requests[0]?.disagree() // a late answer to a closed request changes nothing and throws nothing
    void consent.catch(() => undefined)
  })

  it('never throws from agree() or disagree() when the host\'s resolve throws', () => {
    const hostile = Object.assign(createWx().wx, {
      onNeedPrivacyAuthorization(listener: (resolve: () => never, info: object) => void) {
        listener(() => { throw new Error('bridge') }, { referrer: 'getUserProfile' })
      },
    })
    host = install('wechat')
    Object.defineProperty(globalThis, 'wx', { value: hostile, configurable: true, writable: true })
    let request: PrivacyConsentRequest | undefined
    expect(onPrivacyConsent((handed) => { request = handed })).toBe(true)
    expect(() => request?.agree('agree-btn')).not.toThrow()
    expect(() => onPrivacyConsent(() => { throw new Error('page') })).not.toThrow()
  })

  it.each([
    ['getPrivacySetting', () => getPrivacySetting({ timeout: 30 })],
    ['requirePrivacyAuthorize', () => requirePrivacyConsent({ timeout: 30 })],
  ])('rejects TIMEOUT when %s never answers', async (api, call) => {
    host = install('wechat')
    Object.defineProperty(globalThis, 'wx', { value: Object.assign(createWx().wx, { [api]() {} }), configurable: true, writable: true })
    await expect(call()).rejects.toMatchObject({ code: 'TIMEOUT', runtime: 'wechat' })
  })
})
