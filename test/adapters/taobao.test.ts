// Taobao / Tmall / Fliggy (`my.authorize({ scopes: 'scope.userInfo' })`, then `my.getAuthUserInfo`): platforms.md §11.
import { describe, expect, it } from 'vitest'
import { adapter as taobao } from '../../adapters/taobao'
import { createTaobao, taobaoAuthorizeDenied, taobaoAuthorizeRefusedBefore, taobaoAuthUserInfo, taobaoNotAuthorized } from '../../testing/taobao'
import { alipayFailAlwaysRefused, alipayFailNetwork, alipayFailRefusedAndAlways, alipayFailUnsupported, alipayFailUserCancel, alipayFailUserCancelAlipayPlus, alipayFailUserRefused, createMy } from '../../testing/my'
import { createDd } from '../../testing/dd'
import { afterHost, callbacks, deepFreeze, describeSharedRules, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const AVATAR = taobaoAuthUserInfo.avatar
const TAOBAO_PROFILE = { code: '10000', msg: 'Success', avatar: AVATAR, gender: '', nationality: '', nickName: 'XXX' }
const apis = (sim: { calls: { api: string }[] }) => sim.calls.map((call) => call.api).filter((api) => api !== 'getSystemInfoSync')

describe('taobao.mapSuccess', () => {
  it('maps the my.getAuthUserInfo success ({nickName, avatar}, uni-app fallback) to the full result', () => {
    const info = taobao.mapSuccess(taobaoAuthUserInfo)
    expect(info).toStrictEqual(TAOBAO_PROFILE)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['an avatarUrl instead of avatar', { nickName: 'XXX', avatarUrl: AVATAR }, { nickName: 'XXX', avatar: '' }],
    ['a non-URL avatar', { nickName: 'XXX', avatar: 'avatar.png' }, { avatar: '' }],
  ])('maps a result with %s', (_variant, raw, expected) => {
    expect(taobao.mapSuccess(deepFreeze(raw))).toMatchObject(expected)
  })
})

describe('taobao.mapFailure', () => {
  it.each([
    ['my.authorize refused at the popup (11)', taobaoAuthorizeDenied],
    ['my.authorize after an earlier refusal (2002)', taobaoAuthorizeRefusedBefore],
  ])('maps %s to USER_DENIED', (_variant, raw) => {
    expect(errorFields(taobao.mapFailure({ authorizeRefused: raw }))).toEqual({
      name: 'UserProfileError',
      code: 'USER_DENIED',
      runtime: 'taobao',
      nativeCode: raw.error,
      nativeMessage: raw.errorMessage,
      subCode: undefined,
      subMessage: undefined,
    })
  })

  // my.getAuthUserInfo fails with Alipay's codes (§2.4, assumed for Taobao in §11).
  it.each([
    ['getAuthUserInfo before a grant (4)', taobaoNotAuthorized, 'NATIVE_ERROR'],
    ['user cancelled (11)', alipayFailUserCancel, 'USER_DENIED'],
    ['user refused (2001)', alipayFailUserRefused, 'USER_DENIED'],
    ['refused earlier with "always" (2002)', alipayFailAlwaysRefused, 'USER_DENIED'],
    ['refused now with "always" (2003)', alipayFailRefusedAndAlways, 'USER_DENIED'],
    ['unsupported API (1)', alipayFailUnsupported, 'NATIVE_ERROR'],
    ['network error (12)', alipayFailNetwork, 'NATIVE_ERROR'],
    ['Alipay+ user cancelled (1001), not a Taobao code', alipayFailUserCancelAlipayPlus, 'NATIVE_ERROR'],
  ])('maps the getAuthUserInfo failure %s', (_variant, raw, code) => {
    expect(errorFields(taobao.mapFailure(raw))).toMatchObject({ code, runtime: 'taobao', nativeCode: raw.error, nativeMessage: raw.errorMessage })
  })

  it.each([
    ['an empty object', {}],
    ['null', null],
  ])('returns NATIVE_ERROR for %s', (_variant, raw) => {
    expect(errorFields(taobao.mapFailure(deepFreeze(raw))).code).toBe('NATIVE_ERROR')
  })
})

describeSharedRules(taobao, {
  profileOf: (fields) => fields,
  successFixtures: [['getAuthUserInfo success', taobaoAuthUserInfo]],
  failFixtures: [
    ['authorize denied', taobaoAuthorizeDenied],
    ['authorize refused before', taobaoAuthorizeRefusedBefore],
    ['not authorized', taobaoNotAuthorized],
  ],
  malformed: [
    ['null', null],
    ['a string', 'getAuthUserInfo:ok'],
    ['a number', 42],
    ['an object with neither nickName nor avatar', {}],
  ],
})

describe('taobao.mapFailure number forms', () => {
  it('reads a decimal string error of my.getAuthUserInfo as its number', () => {
    expect(taobao.mapFailure({ error: '11', errorMessage: '用户取消' }).code).toBe('USER_DENIED')
  })
})

describe('taobao.detect', () => {
  it.each([
    ['Taobao (app TB)', { my: createTaobao().my }, true],
    ['Taobao (app taobao)', { my: createTaobao({ app: 'taobao' }).my }, true],
    ['Taobao (app Taobao)', { my: createTaobao({ app: 'Taobao' }).my }, true],
    ['Taobao (app tb)', { my: createTaobao({ app: 'tb' }).my }, true],
    ['Alipay (app alipay)', { my: createMy().my }, false],
    ['DingTalk (app DINGTALK)', { my: createDd().my }, false],
    ['my without getSystemInfoSync', { my: {} }, false],
    ['no globals', {}, false],
  ])('tells whether %s is Taobao (%s)', (_variant, globals, expected) => {
    expect(taobao.detect(globals)).toBe(expected)
  })
})

describe('taobao.request', () => {
  it('calls my.authorize for scope.userInfo first, synchronously, and my.getAuthUserInfo only after the grant', async () => {
    const sim = createTaobao()
    const settle = callbacks()
    expect(taobao.request({ my: sim.my }, {}, settle)).toBeUndefined()
    expect(apis(sim)).toEqual(['authorize'])
    expect(sim.calls[0]?.options).toMatchObject({ scopes: 'scope.userInfo' })
    await afterHost()
    expect(apis(sim)).toEqual(['authorize', 'getAuthUserInfo'])
    await afterHost()
    expect(mappedAnswer(taobao, settle)).toStrictEqual(TAOBAO_PROFILE)
  })

  it('gets USER_DENIED and never calls my.getAuthUserInfo when the user refuses', async () => {
    const sim = createTaobao({ choice: 'deny' })
    const settle = callbacks()
    taobao.request({ my: sim.my }, {}, settle)
    await afterHost()
    await afterHost()
    expect(errorFields(mappedAnswer(taobao, settle))).toMatchObject({ code: 'USER_DENIED', runtime: 'taobao', nativeCode: 11 })
    expect(apis(sim)).toEqual(['authorize'])
  })

  it('gets USER_DENIED without a second popup after an earlier refusal', async () => {
    const sim = createTaobao({ choice: 'deny' })
    taobao.request({ my: sim.my }, {}, callbacks())
    await afterHost()
    const settle = callbacks()
    taobao.request({ my: sim.my }, {}, settle)
    await afterHost()
    await afterHost()
    expect(errorFields(mappedAnswer(taobao, settle))).toMatchObject({ code: 'USER_DENIED', nativeCode: 2002 })
    expect(sim.prompts).toBe(1)
    expect(apis(sim)).toEqual(['authorize', 'authorize'])
  })

  it.each([
    ['Alipay, whose my has no authorize or getAuthUserInfo', { my: createMy().my }],
    ['there is no my', {}],
  ])('returns UNSUPPORTED without a native call on %s', (_variant, globals) => {
    const settle = callbacks()
    expect(errorFields(taobao.request(globals, {}, settle))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'taobao' })
    expect(settle.fail).not.toHaveBeenCalled()
  })
})
