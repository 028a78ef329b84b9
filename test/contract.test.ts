// The facade contract, run against every runtime through its host simulator: one parametrised suite.
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as library from '../src/index'
import { fromAuthorizeError, getOpenUserInfo, getUserProfile, isPlaceholderProfile, UserProfileError, type OpenUserInfo } from '../src/index'
import { ensureBuilt } from './build/dist'
import { install, SIMULATED_RUNTIMES, type HostAnswers, type HostOverride, type Scenario, type SimulatedHost } from '../testing/index'
import { scenarioOutcomes } from './testing/scenario-outcomes'

/** A page on one simulated host: the user consents the way that runtime asks, and `call` runs where it demands. */
interface Page {
  consentAndCall<T>(call: () => T): T
  host: SimulatedHost
}

let installed: SimulatedHost | undefined
afterEach(() => installed?.restore())

function open(runtime: (typeof SIMULATED_RUNTIMES)[number], scenario: Scenario = 'grant', override: HostOverride = {}): Page {
  const host = (installed = install(runtime, { scenario, override }))
  return {
    host,
    consentAndCall: (call) => {
      // A refusal at the consent button is an error event: the page turns it into the error and makes no call.
      const event = host.authorize()
      if (event && (event as { type?: unknown }).type === 'error') return Promise.reject(fromAuthorizeError(event)) as ReturnType<typeof call>
      return host.tap(call)
    },
  }
}

// Every host with a client profile API to call; DingTalk has none, and Telegram gives the user with the launch (no
// call, no consent, nothing to share or time out): both are checked on their own below.
const runtimes = SIMULATED_RUNTIMES.filter((runtime) => runtime !== 'dingtalk' && runtime !== 'telegram')

const countCalls = (page: Page) => page.host.calls.filter((call) => call.api === page.host.requestApi).length
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (info) => ({ info }),
    (error: unknown) => ({ error }),
  )
const hostTurns = () => new Promise((done) => setTimeout(done, 20))

function expectProfile(info: OpenUserInfo): void {
  expect(Object.keys(info).sort()).toEqual(['avatar', 'code', 'gender', 'msg', 'nationality', 'nickName'])
  expect(info.code).toBe('10000')
  expect(info.avatar).toMatch(/^https?:\/\//) // every simulated host shares an avatar on a grant
}

describe.each(runtimes)('contract on %s', (runtime) => {
  const refusal = scenarioOutcomes[runtime].deny // an error code, or the documented placeholder profile

  it('detects the runtime from its host globals', () => {
    open(runtime)
    expect(library.detectRuntime()).toBe(runtime)
  })

  it('resolves a normalized profile after the user consents', async () => {
    const page = open(runtime)
    expectProfile(await page.consentAndCall(() => getUserProfile()))
    expect(countCalls(page)).toBe(1)
  })

  it(`ends a refusal in ${refusal}`, async () => {
    const page = open(runtime, 'deny')
    const ended = await settle(page.consentAndCall(() => getUserProfile()))
    if (refusal === 'placeholder') expect('info' in ended && isPlaceholderProfile(ended.info)).toBe(true)
    else expect('error' in ended && ended.error).toMatchObject({ name: 'UserProfileError', code: refusal, runtime })
  })

  it.each<HostAnswers>(['twice', 'success-then-fail'])('settles once when the host answers %s', async (answers) => {
    const page = open(runtime, 'grant', { answers })
    const complete = vi.fn()
    await settle(page.consentAndCall(() => getUserProfile({ complete })))
    await hostTurns()
    expect(complete).toHaveBeenCalledTimes(1)
  })

  it('rejects TIMEOUT when the host never answers, and asks the host again next time', async () => {
    const page = open(runtime, 'grant', { answers: 'never' })
    const ended = await settle(page.consentAndCall(() => getUserProfile({ timeout: 10 })))
    expect('error' in ended && ended.error).toMatchObject({ code: 'TIMEOUT', runtime })
    await settle(page.consentAndCall(() => getUserProfile({ timeout: 10 })))
    expect(countCalls(page)).toBe(2)
  })

  it('shares one native request among concurrent calls', async () => {
    const page = open(runtime, 'grant', { latencyMs: 5 })
    const [first, second] = await page.consentAndCall(() => Promise.all([getUserProfile(), getUserProfile()]))
    expect(second).toEqual(first)
    expect(countCalls(page)).toBe(1)
  })

  it('rejects NATIVE_ERROR when the native API throws, and never throws itself', async () => {
    const page = open(runtime, 'grant', { answers: 'throw' })
    let pending: Promise<OpenUserInfo> | undefined
    expect(() => page.consentAndCall(() => (pending = getUserProfile()))).not.toThrow()
    const ended = await settle(pending!)
    expect('error' in ended && ended.error).toBeInstanceOf(UserProfileError)
    expect('error' in ended && ended.error).toMatchObject({ code: 'NATIVE_ERROR' })
  })

  it('answers the getOpenUserInfo polyfill with the same profile, double-encoded', async () => {
    const page = open(runtime)
    const viaPromise = await page.consentAndCall(() => getUserProfile())
    const res = await page.consentAndCall(
      () => new Promise<{ response: string }>((done) => getOpenUserInfo({ success: done })),
    )
    expect(JSON.parse(res.response).response).toEqual(viaPromise)
  })

  it(`gives the same profile through the mini-user-profile/${runtime} build`, async () => {
    ensureBuilt()
    const entry: typeof library = await import(pathToFileURL(resolve(`dist/${runtime}.mjs`)).href)
    const page = open(runtime)
    expect(entry.detectRuntime()).toBe(runtime)
    const [fromEntry, fromRoot] = [await page.consentAndCall(() => entry.getUserProfile()), await page.consentAndCall(() => getUserProfile())]
    expect(fromEntry).toEqual(fromRoot)
  })
})

describe('contract on telegram', () => {
  it('resolves the launch user at once, with no native call, the same through the polyfill and the entry', async () => {
    const page = open('telegram')
    expect(library.detectRuntime()).toBe('telegram')
    const info = await getUserProfile()
    expectProfile(info)
    expect(info).toMatchObject({ nickName: 'XXX YYY', gender: '', nationality: '' })
    expect(page.host.calls).toEqual([])
    const res = await new Promise<{ response: string }>((done) => getOpenUserInfo({ success: done }))
    expect(JSON.parse(res.response).response).toEqual(info)
    ensureBuilt()
    const entry: typeof library = await import(pathToFileURL(resolve('dist/telegram.mjs')).href)
    expect(await entry.getUserProfile()).toEqual(info)
  })

  it('rejects AUTHORIZATION_REQUIRED for a launch without a user, and NATIVE_ERROR when the host throws', async () => {
    open('telegram', 'authorization-required')
    await expect(getUserProfile()).rejects.toMatchObject({ code: 'AUTHORIZATION_REQUIRED', runtime: 'telegram', message: expect.stringContaining('inline button') })
    installed?.restore()
    open('telegram', 'grant', { answers: 'throw' })
    await expect(getUserProfile()).rejects.toMatchObject({ code: 'NATIVE_ERROR', runtime: 'telegram', nativeMessage: 'simulated bridge failure' })
  })
})

describe('contract on dingtalk', () => {
  it('detects DingTalk and rejects UNSUPPORTED with the server-side advice, making no native call', async () => {
    const host = (installed = install('dingtalk'))
    expect(library.detectRuntime()).toBe('dingtalk')
    const ended = await settle(getUserProfile())
    expect('error' in ended && ended.error).toMatchObject({ code: 'UNSUPPORTED', runtime: 'dingtalk' })
    expect('error' in ended && (ended.error as Error).message).toContain('dd.getAuthCode')
    expect(host.calls.filter((call) => call.api !== 'getSystemInfoSync' && call.api !== 'canIUse')).toEqual([])
    expect(library.getAuthorizeButton()).toBeNull()
  })
})
