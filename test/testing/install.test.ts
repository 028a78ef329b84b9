import { afterEach, describe, expect, it, vi } from 'vitest'
import { fromAuthorizeError, getUserProfile, isPlaceholderProfile, type OpenUserInfo } from '../../src/index'
import { install, SCENARIOS, SIMULATED_RUNTIMES, type Scenario, type SimulatedHost, type SimulatedRuntime } from '../../testing/index'
import { scenarioOutcomes } from './scenario-outcomes'

let host: SimulatedHost | undefined
afterEach(() => host?.restore())

/** What a page does: the user presses the runtime's consent control, then the handler calls the library. */
function pressConsent(simulated: SimulatedHost, timeout = 1500): Promise<OpenUserInfo> {
  const event = simulated.authorize()
  if (event && (event as { type?: string }).type === 'error') return Promise.reject(fromAuthorizeError(event))
  return simulated.tap(() => getUserProfile({ timeout }))
}

async function outcome(runtime: SimulatedRuntime, scenario: Scenario): Promise<string> {
  host = install(runtime, { scenario })
  return pressConsent(host).then(
    (info) => (isPlaceholderProfile(info) ? 'placeholder' : info.code),
    (error: { code: string }) => error.code,
  )
}

const U = 'UNSUPPORTED'
const expected = scenarioOutcomes

describe.each(SIMULATED_RUNTIMES)('install(%s)', (runtime) => {
  it.each(Object.entries(expected[runtime]))('ends the %s scenario in %s', async (scenario, code) => {
    expect(await outcome(runtime, scenario as Scenario)).toBe(code)
  })

  it.each([
    ['malformed', runtime === 'dingtalk' ? U : 'MALFORMED_RESPONSE'],
    // Telegram gives the user with the launch: there is no call to wait for, so `never` plays as grant.
    ['never', runtime === 'dingtalk' ? U : runtime === 'telegram' ? '10000' : 'TIMEOUT'],
    ['privacy-required', expected[runtime].grant],
    ['nickname-rejected', expected[runtime].grant],
  ] as const)('ends the %s scenario in %s', async (scenario, code) => {
    expect(await outcome(runtime, scenario)).toBe(code)
  })

  it('restores the globals object exactly as it was', () => {
    const globals: Record<string, unknown> = { wx: 'page-owned', unrelated: 1 }
    const before = { ...globals }
    const simulated = install(runtime, { globals })
    expect(globals).not.toEqual(before)
    simulated.restore()
    expect(globals).toEqual(before)
  })
})

describe('install options', () => {
  it('answers slow after more than a second, with the grant', async () => {
    host = install('wechat', { scenario: 'slow' })
    const started = Date.now()
    await expect(pressConsent(host, 5000)).resolves.toMatchObject({ code: '10000' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
  })

  it('shares the given profile in each host format and records the raw answer', async () => {
    host = install('alipay', { profile: { nickName: 'Ana', avatar: 'http://127.0.0.1/a.svg', gender: 'f', country: 'sg' } })
    await expect(pressConsent(host)).resolves.toEqual({
      code: '10000', msg: 'Success', avatar: 'http://127.0.0.1/a.svg', gender: 'F', nationality: 'SG', nickName: 'Ana',
    })
    expect(host.answers).toHaveLength(1)
    expect(host.answers[0]).toMatchObject({ api: 'getOpenUserInfo', callback: 'success' })
    expect(JSON.parse((host.answers[0]!.payload as { response: string }).response).response.nickName).toBe('Ana')
  })

  it('puts the WeChat-like profile under userInfo', async () => {
    host = install('qq', { profile: { nickName: 'Bo', avatar: 'http://127.0.0.1/b.svg', gender: 1, country: '中国' } })
    await expect(pressConsent(host)).resolves.toMatchObject({ nickName: 'Bo', gender: 'M', nationality: '' })
  })

  it('takes an app name for hosts that share a global', () => {
    host = install('douyin', { app: 'Toutiao' })
    expect((globalThis as unknown as { tt: { getSystemInfoSync(): { appName: string } } }).tt.getSystemInfoSync().appName).toBe('Toutiao')
  })

  it('records every native call', async () => {
    host = install('taobao')
    await pressConsent(host)
    expect(host.calls.map((call) => call.api).filter((api) => api !== 'getSystemInfoSync')).toEqual(['authorize', 'getAuthUserInfo'])
  })

  it('lists every scenario', () => {
    expect(SCENARIOS).toEqual(['grant', 'deny', 'insufficient-permissions', 'authorization-required', 'malformed', 'slow', 'never', 'privacy-required', 'nickname-rejected'])
  })
})

describe('install profile in button events', () => {
  it('puts the given profile in the getUserInfo button event too', () => {
    host = install('qq', { profile: { nickName: 'Bo', avatar: 'http://127.0.0.1/b.svg', gender: 1 } })
    const event = host.authorize() as { detail: { userInfo: { nickName: string; avatarUrl: string } } }
    expect(event.detail.userInfo).toMatchObject({ nickName: 'Bo', avatarUrl: 'http://127.0.0.1/b.svg' })
  })

  it('imports and runs without structuredClone', async () => {
    const original = globalThis.structuredClone
    Reflect.deleteProperty(globalThis, 'structuredClone')
    try {
      host = install('jd')
      host.authorize()
      await expect(host.tap(() => getUserProfile())).resolves.toMatchObject({ code: '10000' })
    } finally {
      globalThis.structuredClone = original
    }
  })
})

describe('install overrides (one installation, the rest of the scenario kept)', () => {
  it('answers after the given latency', async () => {
    host = install('qq', { override: { latencyMs: 200 } })
    const started = Date.now()
    await expect(pressConsent(host)).resolves.toMatchObject({ code: '10000' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(150)
  })

  it.each(['twice', 'success-then-fail'] as const)('delivers the answer %s, and the library settles once', async (answers) => {
    host = install('wechat', { override: { answers } })
    const complete = vi.fn()
    await host.tap(() => getUserProfile({ complete, timeout: 1500 })).catch(() => undefined)
    await new Promise((done) => setTimeout(done, 20))
    expect(host.answers.map((answer) => answer.callback)).toEqual(answers === 'twice' ? ['success', 'success'] : ['success', 'fail'])
    expect(complete).toHaveBeenCalledTimes(1)
  })

  it('never answers when told so, even on a grant: the call ends in TIMEOUT', async () => {
    host = install('alipay', { override: { answers: 'never' } })
    await expect(pressConsent(host, 50)).rejects.toMatchObject({ code: 'TIMEOUT' })
  })

  it.each(['alipay', 'wechat', 'xiaohongshu'] as const)('on an older %s base library the profile API is absent: UNSUPPORTED', async (runtime) => {
    host = install(runtime, { override: { olderBaseLibrary: true } })
    await expect(pressConsent(host)).rejects.toMatchObject({ code: 'UNSUPPORTED', runtime })
    expect(host.calls.map((call) => call.api).filter((api) => api !== 'getSystemInfoSync' && api !== 'canIUse')).toEqual([])
  })

  it('on a Douyin base library below 2.30.0 the profile comes from tt.getUserInfo', async () => {
    host = install('douyin', { override: { olderBaseLibrary: true }, profile: { nickName: 'Old' } })
    await expect(pressConsent(host)).resolves.toMatchObject({ code: '10000', nickName: 'Old' })
    expect(host.calls.map((call) => call.api)).toContain('getUserInfo')
    expect(host.calls.map((call) => call.api)).not.toContain('getUserProfile')
  })

  it('refuses an older base library where the runtime documents none', () => {
    expect(() => install('qq', { override: { olderBaseLibrary: true } })).toThrow(/qq documents no base library/)
  })
})

// Issue 13, items 11 and 12.
describe('install: misuse is loud, and all or nothing', () => {
  it.each([[() => {}], ['yes'], [1]])('throws a TypeError naming allow and deny for authorize(%s)', (wrong) => {
    host = install('alipay')
    expect(() => host?.authorize(wrong as never)).toThrow(TypeError)
    expect(() => host?.authorize(wrong as never)).toThrow(/'allow' or 'deny'/)
  })

  it('puts back what it changed when the globals object refuses a global midway', () => {
    const globals = Object.preventExtensions({ wx: 'page-owned' })
    expect(() => install('wechat', { globals })).toThrow()
    expect(globals).toEqual({ wx: 'page-owned' })
  })

  it('refuses a second install on the same globals until the first is restored', () => {
    const globals: Record<string, unknown> = { unrelated: 1 }
    const first = install('wechat', { globals })
    expect(() => install('wechat', { globals })).toThrow(/already installed.*restore\(\) it first/)
    first.restore()
    expect(globals).toEqual({ unrelated: 1 })
    const second = install('douyin', { globals })
    second.restore()
    expect(globals).toEqual({ unrelated: 1 })
  })
})

it("gives Baidu's anonymous profile for a refusal at the button, whatever `profile` says (issue 13, item 10)", async () => {
  host = install('baidu', { scenario: 'grant', profile: { nickName: 'Ana' } })
  expect(host.authorize('deny')).toMatchObject({ detail: { userInfo: { nickName: '百度网友', isAnonymous: true } } })
  const info = await getUserProfile()
  expect(info.nickName).toBe('百度网友')
  expect(isPlaceholderProfile(info)).toBe(true)
})

describe('install with a runtime the kit does not simulate', () => {
  it('throws a TypeError that lists the simulated runtimes', () => {
    expect(() => install('browser' as never)).toThrow(TypeError)
    expect(() => install('wx' as never)).toThrow(/no simulated runtime wx; the kit simulates alipay, .*wechat/)
  })
})
