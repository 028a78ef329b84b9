// getLoginCode on every simulated host (issue 14): a fresh code per call, never shared between concurrent callers,
// the same settle-once, timeout and callback rules as getUserProfile, and the code never logged.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { configureMock, getLoginCode, type GetLoginCodeOptions, type LoginCode } from '../../src/index'
import { getLoginCode as getWechatLoginCode } from '../../src/entries/wechat'
import { install, SIMULATED_RUNTIMES as ALL_RUNTIMES, type SimulatedHost, type SimulatedRuntime } from '../../testing/index'

// The hosts whose login is a callback API with a code (Telegram's initData, LINE's ID token, VK's launch parameters: test/login/web-hosts.test.ts).
type CodeHost = Exclude<SimulatedRuntime, 'telegram' | 'line' | 'vk'>
const SIMULATED_RUNTIMES = ALL_RUNTIMES.filter((runtime): runtime is CodeHost => runtime !== 'telegram' && runtime !== 'line' && runtime !== 'vk')

let host: SimulatedHost | undefined
afterEach(() => {
  host?.restore()
  host = undefined
  configureMock({ enabled: false })
})

// The one option a host needs: DingTalk's corpId (its getAuthCode refuses without one).
const optionsFor = (runtime: CodeHost, extra: GetLoginCodeOptions = {}): GetLoginCodeOptions =>
  runtime === 'dingtalk' ? { corpId: 'ding-corp', timeout: 500, ...extra } : { timeout: 500, ...extra }
const loginCalls = (simulated: SimulatedHost) => simulated.calls.filter((call) => /^(login|getAuthCode|requestAccess|getLoginCode)$/.test(call.api))
const errorCode = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code: string }) => error.code)

// What each host logs in with, as the issue names it (§13): a wrong API here means a wrong adapter.
const LOGIN_API: Record<CodeHost, string> = {
  alipay: 'getAuthCode',
  taobao: 'getAuthCode',
  dingtalk: 'getAuthCode',
  wechat: 'login',
  douyin: 'login',
  feishu: 'requestAccess',
  qq: 'login',
  baidu: 'login',
  kuaishou: 'login',
  jd: 'login',
  xiaohongshu: 'login',
}

describe.each(SIMULATED_RUNTIMES)('getLoginCode on %s', (runtime) => {
  it('resolves the host code with the runtime, from the host login API', async () => {
    host = install(runtime)
    const login = await getLoginCode(optionsFor(runtime))
    expect(login.runtime).toBe(runtime)
    expect(login.code).toMatch(/-code-1$/)
    expect(loginCalls(host).map((call) => call.api)).toEqual([LOGIN_API[runtime]])
  })

  it('asks the host once per call, so concurrent callers get different codes', async () => {
    host = install(runtime)
    const codes = await Promise.all([getLoginCode(optionsFor(runtime)), getLoginCode(optionsFor(runtime)), getLoginCode(optionsFor(runtime))])
    expect(new Set(codes.map((login) => login.code)).size).toBe(3)
    expect(loginCalls(host)).toHaveLength(3)
  })

  it('rejects MALFORMED_RESPONSE for a success without a code', async () => {
    host = install(runtime, { scenario: 'malformed' })
    expect(await errorCode(getLoginCode(optionsFor(runtime)))).toBe('MALFORMED_RESPONSE')
  })

  it('rejects TIMEOUT when the host never answers', async () => {
    host = install(runtime, { override: { answers: 'never' } })
    expect(await errorCode(getLoginCode(optionsFor(runtime, { timeout: 20 })))).toBe('TIMEOUT')
  })

  it('drops an answer that comes after the timeout: the caller hears TIMEOUT once', async () => {
    host = install(runtime, { override: { latencyMs: 60 } })
    const complete = vi.fn()
    expect(await errorCode(getLoginCode(optionsFor(runtime, { timeout: 10, complete })))).toBe('TIMEOUT')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(host.answers.filter((answer) => answer.api === LOGIN_API[runtime])).toHaveLength(1) // the host did answer
    expect(complete.mock.calls.map(([result]) => (result as { code: string }).code)).toEqual(['TIMEOUT'])
  })

  it('settles once, with callbacks and promise on one call, when the host answers twice', async () => {
    host = install(runtime, { override: { answers: 'twice' } })
    const success = vi.fn()
    const complete = vi.fn()
    const login = await getLoginCode(optionsFor(runtime, { success, complete }))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(success.mock.calls).toEqual([[login]])
    expect(complete.mock.calls).toEqual([[login]])
    expect(host.answers.filter((answer) => answer.api === LOGIN_API[runtime])).toHaveLength(2)
  })

  it('turns a login API that throws into NATIVE_ERROR, never a synchronous throw', async () => {
    host = install(runtime, { override: { answers: 'throw' } })
    let pending: Promise<LoginCode> | undefined
    expect(() => (pending = getLoginCode(optionsFor(runtime)))).not.toThrow()
    await expect(pending).rejects.toMatchObject({ name: 'UserProfileError', code: 'NATIVE_ERROR', runtime, nativeMessage: 'simulated bridge failure' })
  })
})

describe('a refusal is USER_DENIED where the host asks the user', () => {
  it.each([
    ['alipay', { scopes: 'auth_user' }],
    ['alipay', { scopes: ['auth_base', 'auth_user'] }],
    ['taobao', { scopes: 'auth_user' }],
    ['douyin', {}],
    ['feishu', {}],
    ['baidu', {}],
  ] as const)('%s with %j', async (runtime, options) => {
    host = install(runtime, { scenario: 'deny' })
    await expect(getLoginCode(options)).rejects.toMatchObject({ code: 'USER_DENIED', runtime })
  })

  it.each(['wechat', 'qq', 'kuaishou', 'jd', 'xiaohongshu', 'alipay'] as const)('%s logs in silently (auth_base on Alipay): no refusal to give', async (runtime) => {
    host = install(runtime, { scenario: 'deny' })
    await expect(getLoginCode()).resolves.toMatchObject({ runtime })
  })
})

describe('options', () => {
  it('passes Alipay scopes to my.getAuthCode, auth_base by default', async () => {
    host = install('alipay')
    await getLoginCode()
    await getLoginCode({ scopes: ['auth_user'] })
    expect(loginCalls(host).map((call) => (call.options as { scopes: unknown }).scopes)).toEqual(['auth_base', ['auth_user']])
  })

  it("passes Douyin's force, and keeps anonymousCode and isLogin", async () => {
    host = install('douyin')
    const loggedIn = await getLoginCode()
    expect(loggedIn).toEqual({ code: 'tt-login-code-1', runtime: 'douyin', anonymousCode: 'anonymous-tt-login-code-1', isLogin: true })
    // Logged out without the login page: no code, only the device's anonymousCode for the server.
    expect(await getLoginCode({ force: false })).toEqual({ code: '', runtime: 'douyin', anonymousCode: 'anonymous-tt-login-code-2', isLogin: false })
    expect(loginCalls(host).map((call) => (call.options as { force?: boolean }).force)).toEqual([undefined, false])
  })

  it('rejects DingTalk without corpId as INVALID_OPTIONS before any native call', async () => {
    host = install('dingtalk')
    await expect(getLoginCode()).rejects.toMatchObject({ code: 'INVALID_OPTIONS', runtime: 'dingtalk', message: expect.stringContaining('corpId') })
    expect(loginCalls(host)).toEqual([])
    expect((await getLoginCode({ corpId: 'ding-corp' })).code).toMatch(/^dd-getAuthCode-code-/)
    expect(loginCalls(host)[0]?.options).toMatchObject({ corpId: 'ding-corp' })
  })

  it.each([
    ['scopes: 5', { scopes: 5 }],
    ['scopes: []', { scopes: [] }],
    ['scopes: [""]', { scopes: [''] }],
    ['corpId: 1', { corpId: 1 }],
    ['force: "yes"', { force: 'yes' }],
    ['timeout: 0', { timeout: 0 }],
    ['a string', 'auth_base'],
  ])('rejects %s as INVALID_OPTIONS with no native call', async (_variant, options) => {
    host = install('alipay')
    await expect(getLoginCode(options as GetLoginCodeOptions)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' })
    expect(loginCalls(host)).toEqual([])
  })

  it('fails through `fail` and `complete` without an unhandled rejection', async () => {
    host = install('douyin', { scenario: 'deny' })
    const fail = vi.fn()
    const complete = vi.fn()
    await getLoginCode({ fail, complete }).catch(() => undefined)
    expect(fail.mock.calls[0]?.[0]).toMatchObject({ code: 'USER_DENIED' })
    expect(complete.mock.calls[0]?.[0]).toBe(fail.mock.calls[0]?.[0])
  })
})

describe('a runtime entry', () => {
  it('logs in on its own host and says UNSUPPORTED on another', async () => {
    host = install('wechat')
    expect((await getWechatLoginCode()).code).toMatch(/^wx-login-code-/)
    host.restore()
    host = install('alipay')
    await expect(getWechatLoginCode()).rejects.toMatchObject({ code: 'UNSUPPORTED' })
  })
})

describe('the browser mock', () => {
  it('rejects UNSUPPORTED on a plain web page, without configureMock', async () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    try {
      await expect(getLoginCode()).rejects.toMatchObject({ code: 'UNSUPPORTED', runtime: 'browser' })
      configureMock()
      const [first, second] = await Promise.all([getLoginCode(), getLoginCode()])
      expect(first?.code).toMatch(/^mock-login-code-\d+$/)
      expect(second?.code).not.toBe(first?.code)
      configureMock({ outcome: 'deny' })
      await expect(getLoginCode()).rejects.toMatchObject({ code: 'USER_DENIED', runtime: 'browser' })
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('privacy', () => {
  it.each(SIMULATED_RUNTIMES)('on %s, never logs, stores or sends a code: the host sees its login call and nothing else', async (runtime) => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) => vi.spyOn(console, name))
    host = install(runtime)
    const login = await getLoginCode(optionsFor(runtime))
    expect(login.code).toBeTruthy()
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    spies.forEach((spy) => spy.mockRestore())
    // Besides the login itself, only the documented detection getters (getSystemInfoSync): no storage, no request.
    expect(host.calls.map((call) => call.api).filter((api) => api !== 'getSystemInfoSync')).toEqual([LOGIN_API[runtime]])
  })
})
