// Issue 13's hostile hosts, each reproduced as filed: the library must end every call in one typed error, never throw,
// never leave a dead request behind, and build its results and errors from own data properties only.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { detectRuntime, fromAuthorizeError, getAuthorizeButton, getOpenUserInfo, getUserProfile, isPlaceholderProfile, UserProfileError } from '../src/index'
import { install, type SimulatedHost } from '../testing/index'
import { createMy } from '../testing/my'
import { ensureBuilt } from './build/dist'

beforeAll(() => ensureBuilt())

let host: SimulatedHost | undefined
afterEach(() => {
  host?.restore()
  host = undefined
  vi.unstubAllGlobals()
})

describe('1. a host that throws an unreadable error', () => {
  it.each([
    ['a message getter that throws', () => Object.defineProperty(new Error(), 'message', { get() { throw 0 } })],
    ['a Proxy whose getPrototypeOf throws', () => new Proxy({}, { getPrototypeOf() { throw 0 } })],
  ])('with %s leaves no dead request: the next call reaches the host', async (_title, unreadable) => {
    const sim = createMy()
    let calls = 0
    const answering = sim.my.getOpenUserInfo
    vi.stubGlobal('my', Object.assign(sim.my, {
      getOpenUserInfo(options: unknown) {
        if (++calls === 1) throw unreadable()
        answering?.(options)
      },
    }))
    await expect(getUserProfile()).rejects.toMatchObject({ code: 'NATIVE_ERROR', runtime: 'alipay' })
    const second = await getUserProfile({ timeout: 500 }).then((info) => info.code, (error: { code: string }) => error.code)
    expect(calls).toBe(2)
    expect(second).not.toBe('TIMEOUT')
  })
})

describe('2. a host global that is a throwing getter', () => {
  it.each(['my', 'wx', 'tt', 'qq', 'swan', 'ks', 'jd', 'xhs', 'dd', '__wxConfig', 'window', 'document'])('%s: no public function throws', async (name) => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name)
    Object.defineProperty(globalThis, name, { get() { throw new Error('hostile') }, configurable: true })
    try {
      expect(() => detectRuntime()).not.toThrow()
      expect(() => getAuthorizeButton()).not.toThrow()
      expect(fromAuthorizeError({ detail: { error: 11 } })).toBeInstanceOf(UserProfileError)
      expect(() => getOpenUserInfo({ fail() {} })).not.toThrow()
      await expect(getUserProfile({ timeout: 50 })).rejects.toBeInstanceOf(UserProfileError)
    } finally {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor)
      else Reflect.deleteProperty(globalThis, name)
    }
  })
})

describe('7. two copies of the library in one bundle (an ESM and a CJS copy)', () => {
  // In a process of its own: the shared record lives on the realm's Symbol, and this worker's copies share it too.
  const twoCopies = (prelude: string) => `
    ${prelude}
    let calls = 0
    const ok = { code: '10000', msg: 'Success', avatar: 'https://a.example/x.png', gender: 'F', nationality: 'PH', nickName: 'Ana' }
    globalThis.my = { getOpenUserInfo(o) { calls++; setTimeout(() => o.success({ response: JSON.stringify({ response: ok }) }), 5) } }
    const esm = await import(${JSON.stringify(pathToFileURL(resolve('dist/alipay.mjs')).href)})
    const cjs = (await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(resolve('dist/alipay.cjs'))})
    const names = await Promise.all([esm.getUserProfile(), cjs.getUserProfile()].map((p) => p.then((info) => info.nickName, (e) => e.code)))
    console.log(calls + ' ' + names.join(' '))`
  const run = (prelude: string) => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', twoCopies(prelude)], { encoding: 'utf8' })
    expect(child.stderr).toBe('')
    return child.stdout.trim()
  }

  it('concurrent calls from both copies share one native request', () => {
    expect(run('')).toBe('1 Ana Ana')
  })

  it('with Symbol frozen (an SES-style lockdown), each copy makes its own request and both settle', () => {
    expect(run('Object.freeze(Symbol)')).toBe('2 Ana Ana')
  })
})

describe('3. a locked-down realm (Error.prototype frozen, SES-style)', () => {
  // In a process of its own: a frozen prototype cannot be thawed, and this worker runs other tests.
  it('builds the error inside the host\'s callback and settles the call', () => {
    const script = `
      Object.freeze(Error.prototype)
      globalThis.my = { getOpenUserInfo(o) { setTimeout(() => o.fail({ error: 11, errorMessage: 'user cancelled' }), 1) } }
      const { getUserProfile } = await import(${JSON.stringify(pathToFileURL(resolve('dist/alipay.mjs')).href)})
      const outcome = await Promise.race([getUserProfile().then(() => 'resolved', (e) => e.name + ' ' + e.code), new Promise((r) => setTimeout(() => r('pending'), 1000))])
      console.log(outcome)`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('UserProfileError USER_DENIED')
  })
})

describe('4. prototype pollution planted before the library reads', () => {
  const plant = (key: string, value: unknown) => {
    Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true })
    return () => Reflect.deleteProperty(Object.prototype, key)
  }

  // Hosts whose system info lacks the field, as an Alipay+ wallet with an undocumented app name may.
  it.each([
    ['app', 'TB', 'alipay', { my: { getOpenUserInfo() {}, getSystemInfoSync: () => ({}) } }],
    ['appName', 'Lark', 'douyin', { tt: { getUserProfile() {}, getSystemInfoSync: () => ({}) } }],
    ['isQB', true, 'wechat', { wx: { getUserProfile() {}, getSystemInfoSync: () => ({}) }, __wxConfig: {} }],
  ] as const)('Object.prototype.%s = %s does not change detection (%s)', (key, value, expected, globals) => {
    const unplant = plant(key, value)
    try {
      expect(detectRuntime(globals)).toBe(expected)
    } finally {
      unplant()
    }
  })

  it.each(['nationality', 'nativeCode'])('a setter on Object.prototype.%s drops no key', async (key) => {
    Object.defineProperty(Object.prototype, key, { set() {}, configurable: true })
    try {
      host = install(key === 'nationality' ? 'qq' : 'alipay', { scenario: key === 'nationality' ? 'grant' : 'insufficient-permissions', profile: { nickName: 'Ana', country: '中国' } })
      if (key === 'nationality') {
        host.authorize('allow')
        const info = await getUserProfile({ resolveCountry: () => 'CN' })
        expect(Object.getOwnPropertyDescriptor(info, 'nationality')?.value).toBe('CN')
      } else {
        host.authorize('allow')
        const error = await getUserProfile().catch((caught: unknown) => caught)
        expect(Object.getOwnPropertyDescriptor(error, 'nativeCode')?.value).toBe('40006')
      }
    } finally {
      Reflect.deleteProperty(Object.prototype, key)
    }
  })
})

describe('3/4. error fields', () => {
  it('are own, enumerable, read-only data properties', () => {
    const error = fromAuthorizeError({ detail: { error: 11, errorMessage: 'user cancelled' } })
    for (const key of ['name', 'code', 'runtime', 'nativeCode', 'nativeMessage']) {
      expect(Object.getOwnPropertyDescriptor(error, key), key).toMatchObject({ enumerable: true, writable: false })
    }
    expect(() => Object.assign(error, { code: 'TIMEOUT' })).toThrow(TypeError)
    expect(error.code).toBe('USER_DENIED')
  })
})

describe('6. concurrent callers', () => {
  it('each get their own result object', async () => {
    host = install('alipay', { override: { latencyMs: 5 } })
    host.authorize('allow')
    const [a, b] = await Promise.all([getUserProfile(), getUserProfile()])
    expect(host.calls.filter((call) => call.api === 'getOpenUserInfo')).toHaveLength(1)
    expect(a).not.toBe(b)
    Reflect.deleteProperty(a, 'gender')
    expect(b).toHaveProperty('gender')
    expect(b).toEqual({ ...a, gender: b.gender })
    expect(isPlaceholderProfile(b)).toBe(false)
  })
})

describe('8. "the user said no" is one code, with advice that fits the host', () => {
  it.each(['qq', 'kuaishou', 'jd', 'xiaohongshu'] as const)('%s: a refusal at the getUserInfo button is USER_DENIED; never asked is AUTHORIZATION_REQUIRED', async (runtime) => {
    host = install(runtime, { scenario: 'grant' })
    const neverAsked = (await getUserProfile().catch((caught: unknown) => caught)) as UserProfileError
    expect(neverAsked).toMatchObject({ code: 'AUTHORIZATION_REQUIRED', nativeMessage: 'getUserInfo:fail scope unauthorized' })
    host.authorize('deny')
    const refused = (await getUserProfile().catch((caught: unknown) => caught)) as UserProfileError
    expect(refused).toMatchObject({ code: 'USER_DENIED', runtime, nativeMessage: 'getUserInfo:fail auth deny' })
    expect(refused.message).not.toContain('button handler')
  })

  it('Douyin "not login" says to pass force: true or log in, not to use a button Douyin does not have', async () => {
    const { adapter: douyin } = await import('../adapters/douyin')
    const { douyinProfileNotLogin } = await import('../testing/tt')
    const error = douyin.mapFailure(douyinProfileNotLogin)
    expect(error).toMatchObject({ code: 'AUTHORIZATION_REQUIRED', runtime: 'douyin', nativeMessage: 'getUserProfile:fail not login' })
    expect(error.message).toContain('force: true')
    expect(error.message).toContain('tt.login')
    expect(error.message).not.toContain('button')
  })

  it('Feishu "not login" says to log the user in, not to use a button', async () => {
    const { adapter: feishu } = await import('../adapters/feishu')
    const error = feishu.mapFailure({ errMsg: 'getUserInfo:fail not login' })
    expect(error).toMatchObject({ code: 'AUTHORIZATION_REQUIRED', runtime: 'feishu', nativeMessage: 'getUserInfo:fail not login' })
    expect(error.message).toBe('AUTHORIZATION_REQUIRED on feishu: log the user in to Feishu first (tt.login)')
  })

  it('Taobao, which never asks twice, does not advise asking again', async () => {
    host = install('taobao', { scenario: 'deny' })
    host.authorize('deny')
    const error = (await getUserProfile().catch((caught: unknown) => caught)) as UserProfileError
    expect(error.code).toBe('USER_DENIED')
    expect(error.message).not.toContain('ask again only')
    expect(error.message).toContain('does not ask again')
  })
})

describe('9. messages that point at something', () => {
  it('a NATIVE_ERROR without a native code or message says the host gave no reason', async () => {
    vi.stubGlobal('my', { getOpenUserInfo: (options: { fail(res: unknown): void }) => setTimeout(() => options.fail({}), 1) })
    const bare = (await getUserProfile().catch((caught: unknown) => caught)) as UserProfileError
    expect(bare).toMatchObject({ code: 'NATIVE_ERROR', runtime: 'alipay' })
    expect(bare.message).toBe('NATIVE_ERROR on alipay: the host gave no reason')
    vi.stubGlobal('my', { getOpenUserInfo: (options: { fail(res: unknown): void }) => setTimeout(() => options.fail({ error: 3, errorMessage: 'boom' }), 1) })
    const detailed = (await getUserProfile().catch((caught: unknown) => caught)) as UserProfileError
    expect(detailed.message).toBe('NATIVE_ERROR on alipay (native code 3): see nativeCode and nativeMessage')
  })

  it('the browser mock\'s refusal names no native code', async () => {
    const { adapter: browser } = await import('../adapters/browser')
    const error = browser.mapFailure({ outcome: 'deny' })
    expect(error.code).toBe('USER_DENIED')
    expect(error.message).toBe('USER_DENIED on browser: go on without it; ask again only on a new tap')
    expect(error.nativeCode).toBeUndefined()
    expect(error.nativeMessage).toBe('configureMock outcome deny')
  })
})
