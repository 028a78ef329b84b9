// Review findings on getLoginCode and the web hosts (issue 14, 15): hostile or odd host answers keep their data, are
// normalised, and end in the right typed error; getAuthCode speaks Alipay's numbers only for Alipay's own API.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { adapter as telegram, login as telegramLogin } from '../../adapters/telegram'
import { login as douyin } from '../../adapters/douyin'
import { login as vkLogin } from '../../adapters/vk'
import { login as alipay } from '../../adapters/alipay'
import { getAuthCode, getLoginCode, type AuthCodeFailResult } from '../../src/index'
import { install, type SimulatedHost } from '../../testing/index'
import { createTelegram } from '../../testing/telegram'
import { errorFields } from '../adapters/helpers'

let host: SimulatedHost | undefined
afterEach(() => {
  host?.restore()
  host = undefined
  vi.unstubAllGlobals()
})
const callbacks = () => ({ success: vi.fn(), fail: vi.fn() })
const failOf = (options: object) => new Promise<AuthCodeFailResult>((done) => getAuthCode({ ...options, fail: done }))

describe('getAuthCode error numbers', () => {
  it("gives Alipay's general numbers, not the host's own, outside my.getAuthCode (a Douyin refusal with errNo is 11)", async () => {
    vi.stubGlobal('tt', { login: (o: { fail(res: unknown): void }) => o.fail({ errMsg: 'login:fail cancel', errNo: 21102 }) })
    expect(await failOf({ runtime: 'douyin' })).toMatchObject({ error: 11 })
  })

  it("keeps Alipay's own number on Alipay", async () => {
    host = install('alipay', { scenario: 'deny' })
    expect(await failOf({ scopes: 'auth_user' })).toEqual({ error: 11, errorMessage: '用户取消授权' })
  })
})

describe('my.getAuthCode answers', () => {
  it('keeps authSuccessScopes an array even when its species is hostile', () => {
    const granted = ['auth_base']
    Object.defineProperty(granted, 'constructor', { value: { [Symbol.species]: function () { return { notAnArray: true } } } })
    const result = alipay.mapSuccess({ authCode: 'c', authSuccessScopes: granted })
    expect(Array.isArray((result as { authSuccessScopes?: unknown }).authSuccessScopes)).toBe(true)
    expect(result).toMatchObject({ code: 'c', authSuccessScopes: ['auth_base'] })
  })

  it('keeps a valid authCode when its side data throws', () => {
    const authErrorScopes = new Proxy({}, { ownKeys() { throw new Error('hostile') } })
    expect(alipay.mapSuccess({ authCode: 'real-code', authErrorScopes })).toMatchObject({ code: 'real-code', runtime: 'alipay' })
  })

  it('defines its fields: a setter planted on Object.prototype sees nothing', () => {
    const seen: unknown[] = []
    for (const key of ['authSuccessScopes', 'authErrorScopes', 'anonymousCode', 'isLogin', 'auth_user']) {
      Object.defineProperty(Object.prototype, key, { configurable: true, set(value) { seen.push(value) } })
    }
    try {
      const fromAlipay = alipay.mapSuccess({ authCode: 'c', authSuccessScopes: ['auth_base'], authErrorScopes: { auth_user: '40006' } })
      const fromDouyin = douyin.mapSuccess({ code: 'c', anonymousCode: 'anon-secret', isLogin: true })
      expect(Object.getOwnPropertyNames(fromAlipay)).toEqual(expect.arrayContaining(['authSuccessScopes', 'authErrorScopes']))
      expect(Object.getOwnPropertyNames((fromAlipay as { authErrorScopes: object }).authErrorScopes)).toEqual(['auth_user'])
      expect(Object.getOwnPropertyNames(fromDouyin)).toEqual(expect.arrayContaining(['anonymousCode', 'isLogin']))
      expect(seen).toEqual([])
    } finally {
      for (const key of ['authSuccessScopes', 'authErrorScopes', 'anonymousCode', 'isLogin', 'auth_user']) delete (Object.prototype as Record<string, unknown>)[key]
    }
  })

  it("reads the wallets' scope failure (GCash: authErrorScopes { auth_user: '40006' }) as INSUFFICIENT_PERMISSIONS", () => {
    expect(errorFields(alipay.mapFailure({ authErrorScopes: { auth_user: '40006' } }))).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', nativeCode: '40006' })
    expect(errorFields(alipay.mapSuccess({ authErrorScopes: { auth_user: '40006' } }))).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', nativeCode: '40006' })
  })
})

describe('tt.login answers', () => {
  it.each([
    ['a logged-in user without a code', { anonymousCode: 'anon', isLogin: true }],
    ['a code that is not a string', { code: 12345, anonymousCode: 'anon', isLogin: false }],
  ])('returns MALFORMED_RESPONSE for %s', (_variant, res) => {
    expect(errorFields(douyin.mapSuccess(res))).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })
})

describe('options', () => {
  it('rejects hostile scopes as INVALID_OPTIONS on the detected runtime', async () => {
    host = install('alipay')
    const scopes = new Proxy(['auth_base'], { get() { throw new Error('hostile') } })
    await expect(getLoginCode({ scopes })).rejects.toMatchObject({ code: 'INVALID_OPTIONS', runtime: 'alipay' })
  })

  it('reads each option once: what was checked is what the host gets', async () => {
    host = install('douyin')
    let reads = 0
    const options = { get force() { return ++reads === 1 ? true : ({ evil: 1 } as unknown as boolean) } }
    await getLoginCode(options)
    expect(host.calls.find((call) => call.api === 'login')?.options).toMatchObject({ force: true })
  })
})

describe('the web hosts under hostile pages', () => {
  it('never takes a user planted on Object.prototype for a Telegram launch user', () => {
    Object.defineProperty(Object.prototype, 'user', { configurable: true, value: { first_name: 'Mallory' } })
    try {
      const sim = createTelegram({ user: null })
      expect(errorFields(telegram.request({ Telegram: sim.Telegram }, {}, callbacks()))).toMatchObject({ code: 'AUTHORIZATION_REQUIRED' })
    } finally {
      delete (Object.prototype as Record<string, unknown>).user
    }
  })

  it('gives NATIVE_ERROR for a Telegram initData getter that throws, as for the profile', async () => {
    const WebApp = { initDataUnsafe: {}, get initData(): string { throw new Error('broken host') } }
    const settle = callbacks()
    expect(() => telegramLogin.request({ Telegram: { WebApp } }, { scopes: 'auth_base' }, settle)).toThrow('broken host')
  })

  it('builds the VK credential from own string fields only, keys encoded, with an own sign', () => {
    Object.defineProperty(Object.prototype, 'sign', { configurable: true, value: 'planted' })
    try {
      expect(errorFields(vkLogin.mapSuccess({ vk_user_id: 1, vk_app_id: 2 }))).toMatchObject({ code: 'MALFORMED_RESPONSE' })
    } finally {
      delete (Object.prototype as Record<string, unknown>).sign
    }
    const result = vkLogin.mapSuccess({ sign: 's', vk_user_id: 1, 'vk_user_id=1&vk_user_id': 999, vk_x: { a: 1 }, vk_u: undefined }) as { code: string }
    expect(new URLSearchParams(result.code).getAll('vk_user_id')).toEqual(['1'])
    expect(result.code).not.toMatch(/object|undefined/)
  })

  it.each([
    ['vk, send throws', 'vk', { answers: 'throw' }, 'NATIVE_ERROR'],
    ['vk, never answers', 'vk', { answers: 'never' }, 'TIMEOUT'],
    ['line, getIDToken in a logged-out page', 'line', {}, 'AUTHORIZATION_REQUIRED'],
  ] as const)('getLoginCode on %s ends in %s', async (_variant, runtime, override, code) => {
    host = install(runtime, { scenario: runtime === 'line' ? 'authorization-required' : 'grant', override })
    await expect(getLoginCode({ timeout: 20 })).rejects.toMatchObject({ code, runtime })
  })
})
