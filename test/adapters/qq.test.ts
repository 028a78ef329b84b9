// QQ (`qq.getUserInfo`, which answers only after the getUserInfo button): platforms.md §6.
import { describe, expect, it } from 'vitest'
import { adapter as qq } from '../../adapters/qq'
import { createQq, qqAuthDeny, qqProfile } from '../../testing/qq'
import { createWx } from '../../testing/wx'
import { afterHost, callbacks, deepFreeze, describeSharedRules, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const QQ_PROFILE = {
  code: '10000',
  msg: 'Success',
  avatar: 'https://thirdqq.qlogo.cn/g?b=sdk&k=XXXXXXXX&s=100',
  gender: 'M',
  nationality: '',
  nickName: 'XXX',
}
const withUserInfo = (changes: object) =>
  deepFreeze({ ...qqProfile, userInfo: { ...qqProfile.userInfo, ...changes } })

describe('qq.mapSuccess', () => {
  it('maps the qq.getUserInfo success (§6, gender 1, localised country) to the full result', () => {
    const info = qq.mapSuccess(qqProfile)
    expect(info).toStrictEqual(QQ_PROFILE)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['gender 2', { gender: 2 }, { gender: 'F' }],
    ['gender 0', { gender: 0 }, { gender: '' }],
  ])('maps a profile with %s', (_variant, changes, expected) => {
    expect(qq.mapSuccess(withUserInfo(changes))).toMatchObject(expected)
  })

  it('reads the country name for resolveCountry', () => {
    expect(qq.readCountryName?.(qqProfile)).toBe('中国')
  })
})

describe('qq.mapFailure', () => {
  it.each([
    // "在用户未授权过的情况下调用此接口 … 会直接进入 fail 回调" (§6): the button is the way to ask.
    ['call before authorisation (WeChat wording assumed)', { errMsg: 'getUserInfo:fail scope unauthorized' }, 'AUTHORIZATION_REQUIRED'],
    ['refusal at the button (WeChat wording assumed)', qqAuthDeny, 'USER_DENIED'],
    ['another grant message', { errMsg: 'getUserInfo:fail authorize no response' }, 'AUTHORIZATION_REQUIRED'],
    ['another errMsg', { errMsg: 'getUserInfo:fail system error' }, 'NATIVE_ERROR'],
  ])('maps the %s', (_variant, raw, code) => {
    expect(errorFields(qq.mapFailure(deepFreeze(raw)))).toMatchObject({ code, runtime: 'qq', nativeMessage: raw.errMsg })
  })
})

describeSharedRules(qq, {
  profileOf: (userInfo) => ({ userInfo }),
  successFixtures: [['getUserInfo success', qqProfile]],
  failFixtures: [['auth deny', qqAuthDeny]],
})

describe('qq.detect', () => {
  it.each([
    ['QQ (qq)', { qq: createQq().qq }, true],
    ['QQ running wx code too (qq, wx, __wxConfig)', { qq: createQq().qq, wx: createWx().wx, __wxConfig: createWx().wxConfig }, true],
    ['WeChat (wx, __wxConfig)', { wx: createWx().wx, __wxConfig: createWx().wxConfig }, false],
    ['qq that is not an object', { qq: 'qq' }, false],
    ['no globals', {}, false],
  ])('tells whether %s is QQ (%s)', (_variant, globals, expected) => {
    expect(qq.detect(globals)).toBe(expected)
  })
})

describe('qq.authorizeButton', () => {
  it('is the getUserInfo button', () => {
    expect(qq.authorizeButton).toEqual({ openType: 'getUserInfo', event: 'getuserinfo' })
  })
})

describe('qq.request', () => {
  it('calls qq.getUserInfo synchronously with the callbacks', () => {
    const sim = createQq()
    expect(qq.request({ qq: sim.qq }, {}, callbacks())).toBeUndefined()
    expect(sim.calls.map((call) => call.api)).toEqual(['getUserInfo'])
  })

  it('gets AUTHORIZATION_REQUIRED before the getUserInfo button, and the profile after it', async () => {
    const sim = createQq()
    const before = callbacks()
    qq.request({ qq: sim.qq }, {}, before)
    await afterHost()
    expect(errorFields(mappedAnswer(qq, before))).toMatchObject({ code: 'AUTHORIZATION_REQUIRED', runtime: 'qq' })

    const event = sim.pressUserInfoButton('allow')
    expect(qq.mapSuccess(event.detail)).toStrictEqual(QQ_PROFILE)
    const after = callbacks()
    qq.request({ qq: sim.qq }, {}, after)
    await afterHost()
    expect(mappedAnswer(qq, after)).toStrictEqual(QQ_PROFILE)
  })

  it('returns UNSUPPORTED when there is no qq', () => {
    expect(errorFields(qq.request({ wx: createWx().wx }, {}, callbacks()))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'qq' })
  })
})
