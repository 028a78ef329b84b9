// JD (`jd.getUserInfo`, WeChat-like): platforms.md §9. ⚠️ Community sources only.
import { describe, expect, it } from 'vitest'
import { adapter as jd } from '../../adapters/jd'
import { detectRuntime } from '../../src/index'
import { createJd, jdAuthDeny, jdProfile } from '../../testing/jd'
import { afterHost, callbacks, deepFreeze, describeSharedRules, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const JD_PROFILE = {
  code: '10000',
  msg: 'Success',
  avatar: 'https://img11.360buyimg.com/jdphoto/XXXXXXXX.png',
  gender: 'F',
  nationality: '',
  nickName: 'XXX',
}

describe('jd.mapSuccess', () => {
  it('maps the WeChat-like jd.getUserInfo success (§9, gender 2, localised country) to the full result', () => {
    const info = jd.mapSuccess(jdProfile)
    expect(info).toStrictEqual(JD_PROFILE)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it('reads the country name for resolveCountry', () => {
    expect(jd.readCountryName?.(jdProfile)).toBe('中国')
  })
})

describe('jd.mapFailure', () => {
  it.each([
    ['refusal (WeChat wording assumed)', jdAuthDeny, 'USER_DENIED'],
    ['call before authorisation (WeChat wording assumed)', { errMsg: 'getUserInfo:fail scope unauthorized' }, 'AUTHORIZATION_REQUIRED'],
    ['another errMsg', { errMsg: 'getUserInfo:fail system error' }, 'NATIVE_ERROR'],
  ])('maps the %s', (_variant, raw, code) => {
    expect(errorFields(jd.mapFailure(deepFreeze(raw)))).toMatchObject({ code, runtime: 'jd', nativeMessage: raw.errMsg })
  })
})

describeSharedRules(jd, {
  profileOf: (userInfo) => ({ userInfo }),
  successFixtures: [['getUserInfo success', jdProfile]],
  failFixtures: [['auth deny', jdAuthDeny]],
})

describe('jd.detect', () => {
  it.each([
    ['JD (jd)', { jd: createJd().jd }, true],
    ['jd that is not an object', { jd: 'jd' }, false],
    ['no globals', {}, false],
  ])('tells whether %s is JD (%s)', (_variant, globals, expected) => {
    expect(jd.detect(globals)).toBe(expected)
  })

  it('is the runtime detectRuntime() names for a host with only jd (the registry order, src/runtimes.ts)', () => {
    expect(detectRuntime({ jd: {} })).toBe('jd')
  })
})

describe('jd.request', () => {
  it('calls jd.getUserInfo synchronously with the callbacks', () => {
    const sim = createJd()
    expect(jd.request({ jd: sim.jd }, {}, callbacks())).toBeUndefined()
    expect(sim.calls.map((call) => call.api)).toEqual(['getUserInfo'])
  })

  it('gets AUTHORIZATION_REQUIRED before the getUserInfo button, and the profile after it', async () => {
    const sim = createJd()
    const before = callbacks()
    jd.request({ jd: sim.jd }, {}, before)
    await afterHost()
    expect(errorFields(mappedAnswer(jd, before))).toMatchObject({ code: 'AUTHORIZATION_REQUIRED', runtime: 'jd' })

    expect(jd.mapSuccess(sim.pressUserInfoButton('allow').detail)).toStrictEqual(JD_PROFILE)
    const after = callbacks()
    jd.request({ jd: sim.jd }, {}, after)
    await afterHost()
    expect(mappedAnswer(jd, after)).toStrictEqual(JD_PROFILE)
  })

  it('returns UNSUPPORTED when there is no jd', () => {
    expect(errorFields(jd.request({}, {}, callbacks()))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'jd' })
  })
})
