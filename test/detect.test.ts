import { describe, expect, it, vi } from 'vitest'
import { detectRuntime, fromAuthorizeError, getAuthorizeButton, UserProfileError } from '../src/index'

const my = { getOpenUserInfo() {}, getSystemInfoSync: () => ({ app: 'alipay' }) }
const myIn = (app: string) => ({ getOpenUserInfo() {}, getSystemInfoSync: () => ({ app }) })
const page = { window: {}, document: {} }
const tt = (appName: string) => ({ getUserProfile() {}, getSystemInfoSync: () => ({ appName }) })
const wx = (systemInfo: object = {}) => ({ getUserProfile() {}, getSystemInfoSync: () => systemInfo })

describe('detectRuntime', () => {
  it.each([
    ['Alipay (app "alipay")', { my }, 'alipay'],
    ['an Alipay+ wallet with an undocumented app name', { my: myIn('GCash') }, 'alipay'],
    ['an Alipay+ wallet without getSystemInfoSync', { my: { getOpenUserInfo() {} } }, 'alipay'],
    ['a host whose getSystemInfoSync throws', { my: { getSystemInfoSync: () => { throw new Error('x') } } }, 'alipay'],
    ['DingTalk (dd beside my)', { my, dd: {} }, 'dingtalk'],
    ['DingTalk (app "DINGTALK")', { my: myIn('DINGTALK') }, 'dingtalk'],
    ['Taobao (app "TB")', { my: myIn('TB') }, 'taobao'],
    ['Taobao (app "taobao")', { my: myIn('taobao') }, 'taobao'],
    ['Douyin', { tt: tt('Douyin') }, 'douyin'],
    ['Toutiao', { tt: tt('Toutiao') }, 'douyin'],
    ['Toutiao Lite', { tt: tt('news_article_lite') }, 'douyin'],
    ['Xigua', { tt: tt('XiGua') }, 'douyin'],
    ['Douyin Lite (community name)', { tt: tt('douyin_lite') }, 'douyin'],
    ['a ByteDance host whose getSystemInfoSync throws', { tt: { getSystemInfoSync: () => { throw new Error('x') } } }, 'douyin'],
    ['Feishu', { tt: tt('Feishu') }, 'feishu'],
    ['Lark', { tt: tt('Lark') }, 'feishu'],
    ['QQ, which also exposes wx', { qq: {}, wx: wx(), __wxConfig: {} }, 'qq'],
    ['QQ Browser (wx with isQB)', { wx: wx({ isQB: true }), __wxConfig: {} }, null],
    ['WeChat (wx with __wxConfig)', { wx: {}, __wxConfig: {} }, 'wechat'],
    ['WeChat whose getSystemInfoSync says isQB false', { wx: wx({ isQB: false }), __wxConfig: {} }, 'wechat'],
    ['a bare wx without __wxConfig', { wx: {} }, null],
    ['a web page', page, 'browser'],
    ['an IDE exposing window beside my', { ...page, my }, 'alipay'],
    ['an IDE exposing window beside wx', { ...page, wx: {}, __wxConfig: {} }, 'wechat'],
    ['an empty host', {}, null],
    ['a my that is not an object', { my: 'yes' }, null],
  ])('returns the runtime for %s', (_host, globals, expected) => {
    expect(detectRuntime(globals)).toBe(expected)
  })

  it('treats a throwing global getter as absent instead of throwing', () => {
    const globals = Object.defineProperty({}, 'my', { get: () => { throw new Error('denied') } })
    expect(detectRuntime(globals)).toBeNull()
  })

  it('reads the host globals when called without arguments', () => {
    expect(detectRuntime()).toBeNull()
    vi.stubGlobal('my', my)
    expect(detectRuntime()).toBe('alipay')
  })

  it('is pure: it makes no profile call', () => {
    const getOpenUserInfo = vi.fn()
    detectRuntime({ my: { getOpenUserInfo } })
    expect(getOpenUserInfo).not.toHaveBeenCalled()
  })
})

describe('getAuthorizeButton', () => {
  it.each([
    ['alipay', { openType: 'getAuthorize', scope: 'userInfo', event: 'onGetAuthorize', errorEvent: 'onError' }],
    ['wechat', { event: 'tap', fillIn: { avatar: { openType: 'chooseAvatar', event: 'chooseavatar' }, nickname: { type: 'nickname', events: ['input', 'change', 'blur'], reviewEvent: 'nicknamereview' } } }],
    ['browser', { event: 'click' }],
  ] as const)('describes the consent control on %s', (runtime, expected) => {
    expect(getAuthorizeButton(runtime)).toEqual(expected)
  })

  it('uses the detected runtime by default and null when there is none', () => {
    expect(getAuthorizeButton()).toBeNull()
    vi.stubGlobal('my', my)
    expect(getAuthorizeButton()).toMatchObject({ openType: 'getAuthorize' })
  })

  it('returns a copy the caller may change freely', () => {
    const button = getAuthorizeButton('wechat')!
    button.event = 'longpress'
    button.fillIn!.avatar.event = 'x' as 'chooseavatar'
    expect(getAuthorizeButton('wechat')).toMatchObject({ event: 'tap', fillIn: { avatar: { event: 'chooseavatar' } } })
  })
})

describe('fromAuthorizeError', () => {
  it("turns Alipay's onError event into USER_DENIED with the native message", () => {
    vi.stubGlobal('my', my)
    const error = fromAuthorizeError({ type: 'error', detail: { type: 'getAuthorize', errorMessage: '用户取消授权' } })
    expect(error).toBeInstanceOf(UserProfileError)
    expect(error).toMatchObject({ code: 'USER_DENIED', runtime: 'alipay', nativeMessage: '用户取消授权' })
  })

  it.each([[undefined], [null], ['text'], [{ detail: 5 }]])('returns USER_DENIED for a shapeless event %s', (event) => {
    expect(fromAuthorizeError(event).code).toBe('USER_DENIED')
  })
})
