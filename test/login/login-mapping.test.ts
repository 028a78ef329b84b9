// The adapters' login mappers and native calls, table-driven from the documented payloads (platforms.md §13).
import { describe, expect, it, vi } from 'vitest'
import { login as alipay } from '../../adapters/alipay'
import { login as baidu } from '../../adapters/baidu'
import { login as dingtalk } from '../../adapters/dingtalk'
import { login as douyin } from '../../adapters/douyin'
import { login as feishu } from '../../adapters/feishu'
import { login as taobao } from '../../adapters/taobao'
import { login as wechat } from '../../adapters/wechat'
import { logins } from '../../src/runtimes'
import { adapters } from '../../src/runtimes'
import { alipayFailNetwork, alipayFailNoPermission, alipayFailUnknown, alipayFailUserCancel, alipayFailUserCancelAlipayPlus } from '../../testing/my'
import { deepFreeze, errorFields } from '../adapters/helpers'

const callbacks = () => ({ success: vi.fn(), fail: vi.fn() })

describe('the registry', () => {
  it('has one login per runtime', () => {
    expect(logins.map((login) => login.runtime).sort()).toEqual(adapters.map((adapter) => adapter.runtime).sort())
  })
})

describe('my.getAuthCode (Alipay, Taobao, DingTalk)', () => {
  it.each([alipay, taobao])('%# maps the documented success, keeping the scopes', (login) => {
    const res = deepFreeze({ authCode: 'ac-1', authErrorScopes: { auth_user: '40006' }, authSuccessScopes: ['auth_base'] })
    expect(login.mapSuccess(res)).toEqual({ code: 'ac-1', runtime: login.runtime, authSuccessScopes: ['auth_base'], authErrorScopes: { auth_user: '40006' } })
  })

  it('keeps only well-typed scope fields', () => {
    const res = deepFreeze({ authCode: 'ac-1', authErrorScopes: { a: 1, b: { x: 1 } }, authSuccessScopes: ['auth_base', 3] })
    expect(alipay.mapSuccess(res)).toEqual({ code: 'ac-1', runtime: 'alipay', authSuccessScopes: ['auth_base'], authErrorScopes: { a: '1' } })
  })

  it.each([
    ['no authCode', { authSuccessScopes: [] }],
    ['an empty authCode', { authCode: '' }],
    ['a number', { authCode: 12 }],
    ['null', null],
  ])('returns MALFORMED_RESPONSE for %s', (_variant, res) => {
    expect(errorFields(alipay.mapSuccess(deepFreeze(res)))).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime: 'alipay' })
  })

  it.each([
    ['11 user cancel', alipayFailUserCancel, 'USER_DENIED'],
    ['3 no result (back key)', alipayFailUnknown, 'USER_DENIED'],
    ['1001 Alipay+ cancel', alipayFailUserCancelAlipayPlus, 'USER_DENIED'],
    ['4 no permission', alipayFailNoPermission, 'INSUFFICIENT_PERMISSIONS'],
    ['10 empty data', { error: 10, errorMessage: 'Empty Data' }, 'MALFORMED_RESPONSE'],
    ['12 network', alipayFailNetwork, 'NATIVE_ERROR'],
    ['an unknown number', { error: 99, errorMessage: 'x' }, 'NATIVE_ERROR'],
    ["DingTalk's errorCode", { errorCode: '11', errorMessage: 'cancel' }, 'USER_DENIED'],
  ])('maps fail %s', (_variant, res, code) => {
    const error = errorFields(alipay.mapFailure(deepFreeze(res)))
    expect(error.code).toBe(code)
    expect(error.nativeMessage).toBe((res as { errorMessage: string }).errorMessage)
  })

  it('advises a retry on a network error (12)', () => {
    expect(alipay.mapFailure(alipayFailNetwork).message).toContain('network')
  })

  it('asks DingTalk for the corpId, on dd, else on its my', () => {
    const dd = { getAuthCode: vi.fn() }
    expect(dingtalk.request({ dd }, { scopes: 'auth_base', corpId: 'c1' }, callbacks())).toBeUndefined()
    expect(dd.getAuthCode.mock.calls[0]?.[0]).toMatchObject({ corpId: 'c1' })
    const my = { getAuthCode: vi.fn() }
    dingtalk.request({ my }, { scopes: 'auth_base', corpId: 'c2' }, callbacks())
    expect(my.getAuthCode.mock.calls[0]?.[0]).toMatchObject({ corpId: 'c2' })
    expect(errorFields(dingtalk.request({ dd }, { scopes: 'auth_base' }, callbacks()))).toMatchObject({ code: 'INVALID_OPTIONS' })
    expect(dd.getAuthCode).toHaveBeenCalledTimes(1)
  })
})

describe('<host>.login (WeChat and its peers)', () => {
  it.each([
    ['wx.login success', { code: '0a3xYz', errMsg: 'login:ok' }, { code: '0a3xYz', runtime: 'wechat' }],
  ])('maps the %s', (_variant, res, expected) => {
    expect(wechat.mapSuccess(deepFreeze(res))).toEqual(expected)
  })

  it.each([
    ['no code', { errMsg: 'login:ok' }],
    ['an empty code', { code: '', errMsg: 'login:ok' }],
    ['a code that is not a string', { code: 123 }],
    ['a string', 'login:ok'],
  ])('returns MALFORMED_RESPONSE for %s', (_variant, res) => {
    expect(errorFields(wechat.mapSuccess(deepFreeze(res)))).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime: 'wechat' })
  })

  it.each([
    ['login:fail cancel', 'USER_DENIED'],
    ['login:fail auth deny', 'USER_DENIED'],
    ['login:fail timeout', 'NATIVE_ERROR'],
  ])('maps fail %s', (errMsg, code) => {
    expect(errorFields(wechat.mapFailure(deepFreeze({ errMsg, errno: 1 })))).toMatchObject({ code, nativeMessage: errMsg, nativeCode: 1 })
  })

  it('returns UNSUPPORTED when wx.login is missing', () => {
    expect(errorFields(wechat.request({ wx: {} }, { scopes: 'auth_base' }, callbacks()))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'wechat' })
  })

  it('uses swan.getLoginCode where Baidu has it, else swan.login', () => {
    const both = { getLoginCode: vi.fn(), login: vi.fn() }
    baidu.request({ swan: both }, { scopes: 'auth_base' }, callbacks())
    expect([both.getLoginCode.mock.calls.length, both.login.mock.calls.length]).toEqual([1, 0])
    const older = { login: vi.fn() }
    baidu.request({ swan: older }, { scopes: 'auth_base' }, callbacks())
    expect(older.login).toHaveBeenCalledTimes(1)
  })

  it('uses tt.requestAccess with an empty scopeList where Feishu has it, else the legacy tt.login', () => {
    const current = { requestAccess: vi.fn(), login: vi.fn() }
    feishu.request({ tt: current }, { scopes: 'auth_base' }, callbacks())
    expect(current.requestAccess.mock.calls[0]?.[0]).toMatchObject({ scopeList: [] })
    expect(current.login).not.toHaveBeenCalled()
    const legacy = { login: vi.fn() }
    feishu.request({ tt: legacy }, { scopes: 'auth_base' }, callbacks())
    expect(legacy.login).toHaveBeenCalledTimes(1)
  })
})

describe('tt.login (Douyin)', () => {
  it.each([
    ['logged in', { code: 'c1', anonymousCode: 'a1', isLogin: true }, { code: 'c1', runtime: 'douyin', anonymousCode: 'a1', isLogin: true }],
    ['logged out with force: false', { anonymousCode: 'a1', isLogin: false }, { code: '', runtime: 'douyin', anonymousCode: 'a1', isLogin: false }],
    ['an older host with code only', { code: 'c1' }, { code: 'c1', runtime: 'douyin' }],
  ])('maps %s', (_variant, res, expected) => {
    expect(douyin.mapSuccess(deepFreeze(res))).toEqual(expected)
  })

  it('returns MALFORMED_RESPONSE with neither code nor anonymousCode', () => {
    expect(errorFields(douyin.mapSuccess(deepFreeze({ isLogin: true })))).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })

  it('passes force only when the caller gave it', () => {
    const tt = { login: vi.fn() }
    douyin.request({ tt }, { scopes: 'auth_base' }, callbacks())
    douyin.request({ tt }, { scopes: 'auth_base', force: false }, callbacks())
    expect(tt.login.mock.calls.map(([options]) => (options as { force?: boolean }).force)).toEqual([undefined, false])
  })
})
