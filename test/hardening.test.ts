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
