// Telegram and LINE (issue 15): their credentials through getLoginCode, and their detection against a plain web page.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { detectRuntime, getAuthCode, getLoginCode, getUserProfile } from '../../src/index'
import { install, type SimulatedHost } from '../../testing/index'
import { createLiff } from '../../testing/line'
import { createTelegram } from '../../testing/telegram'

let host: SimulatedHost | undefined
afterEach(() => {
  host?.restore()
  host = undefined
  vi.unstubAllGlobals()
})

describe('getLoginCode on the web super apps', () => {
  it("gives Telegram's initData as the code, for the server to check with the bot token", async () => {
    host = install('telegram')
    const initData = (globalThis as unknown as { Telegram: { WebApp: { initData: string } } }).Telegram.WebApp.initData
    await expect(getLoginCode()).resolves.toEqual({ code: initData, runtime: 'telegram' })
    const res = await new Promise((done) => getAuthCode({ success: done }))
    expect(res).toEqual({ authCode: initData, authErrorScopes: {}, authSuccessScopes: ['auth_base'] })
  })

  it("gives LINE's ID token as the code", async () => {
    host = install('line')
    await expect(getLoginCode()).resolves.toEqual({ code: 'XXXXXXXX.id-token.XXXXXXXX', runtime: 'line' })
  })

  it("gives VK's signed launch parameters as the code", async () => {
    host = install('vk')
    const login = await getLoginCode()
    expect(login.runtime).toBe('vk')
    expect(new URLSearchParams(login.code).get('vk_app_id')).toBe('51000000')
    expect(new URLSearchParams(login.code).get('sign')).toBeTruthy()
  })

  it.each([
    ['insufficient-permissions', 'INSUFFICIENT_PERMISSIONS', 'openid'],
    ['authorization-required', 'AUTHORIZATION_REQUIRED', 'liff.login'],
  ] as const)('LINE, %s: rejects %s naming %s', async (scenario, code, advice) => {
    host = install('line', { scenario })
    await expect(getLoginCode()).rejects.toMatchObject({ code, runtime: 'line', message: expect.stringContaining(advice) })
  })
})

describe('detection against a plain web page', () => {
  it('takes a page with the Telegram script opened outside Telegram for a web page (UNSUPPORTED, no mock)', async () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    vi.stubGlobal('Telegram', createTelegram({ outsideTelegram: true }).Telegram)
    expect(detectRuntime()).toBe('browser')
    await expect(getUserProfile()).rejects.toMatchObject({ code: 'UNSUPPORTED', runtime: 'browser' })
  })

  it("takes a LIFF app in an external browser for a web page, and for LINE when the page says runtime: 'line'", async () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    vi.stubGlobal('liff', createLiff({ inClient: false }).liff)
    expect(detectRuntime()).toBe('browser')
    await expect(getUserProfile({ runtime: 'line' })).resolves.toMatchObject({ code: '10000', nickName: 'XXX' })
  })

  it('prefers Telegram and LINE over the mock, which every page with a window matches', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    vi.stubGlobal('Telegram', createTelegram().Telegram)
    expect(detectRuntime()).toBe('telegram')
    vi.unstubAllGlobals()
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    vi.stubGlobal('liff', createLiff().liff)
    expect(detectRuntime()).toBe('line')
  })
})
