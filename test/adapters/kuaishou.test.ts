// Kuaishou (`ks.getUserInfo`; mini games give gender "M"/"F" and fail with `{code, msg}`): platforms.md §8.
import { describe, expect, it } from 'vitest'
import { adapter as kuaishou } from '../../adapters/kuaishou'
import { detectRuntime } from '../../src/index'
import { createKs, kuaishouAuthDeny, kuaishouGameProfile, kuaishouProfile, kuaishouProfileWithCredentials } from '../../testing/ks'
import { afterHost, callbacks, deepFreeze, describeSharedRules, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const AVATAR = 'https://p2.a.yximgs.com/uhead/AB/XXXXXXXX.jpg'
const PROFILE = { code: '10000', msg: 'Success', avatar: AVATAR, gender: '', nationality: '', nickName: 'XXX' }
const withUserInfo = (changes: object) =>
  deepFreeze({ ...kuaishouGameProfile, userInfo: { ...kuaishouGameProfile.userInfo, ...changes } })

describe('kuaishou.mapSuccess', () => {
  it.each([
    ['mini program UserInfoResult (nickName, avatarUrl)', kuaishouProfile, PROFILE],
    ['mini program AuthorizedUserInfoResult (with credentials)', kuaishouProfileWithCredentials, PROFILE],
    ['mini game result (gender "F", userCity, age)', kuaishouGameProfile, { ...PROFILE, gender: 'F' }],
  ])('maps the %s to the full result', (_variant, raw, expected) => {
    const info = kuaishou.mapSuccess(raw)
    expect(info).toStrictEqual(expected)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['mini game gender "M"', { gender: 'M' }, { gender: 'M' }],
    ['an unknown gender string', { gender: 'X' }, { gender: '' }],
  ])('maps a profile with %s', (_variant, changes, expected) => {
    expect(kuaishou.mapSuccess(withUserInfo(changes))).toMatchObject(expected)
  })
})

describe('kuaishou.mapFailure', () => {
  it.each([
    ['mini program refusal ("auth deny", §8)', kuaishouAuthDeny, 'USER_DENIED', kuaishouAuthDeny.errMsg],
    ['call before authorisation (WeChat wording assumed)', { errMsg: 'getUserInfo:fail scope unauthorized' }, 'AUTHORIZATION_REQUIRED', 'getUserInfo:fail scope unauthorized'],
    ['mini game {code, msg} refusal', { code: -1, msg: 'auth deny' }, 'USER_DENIED', 'auth deny'],
    ['mini game {code, msg} other failure', { code: 500, msg: 'internal error' }, 'NATIVE_ERROR', 'internal error'],
  ])('maps the %s', (_variant, raw, code, nativeMessage) => {
    expect(errorFields(kuaishou.mapFailure(deepFreeze(raw)))).toMatchObject({ code, runtime: 'kuaishou', nativeMessage })
  })

  // game-docs.kwai.com: "Fail is {code: int, msg: string}" (§8).
  it('keeps the mini game code as nativeCode', () => {
    expect(errorFields(kuaishou.mapFailure(deepFreeze({ code: 500, msg: 'internal error' })))).toMatchObject({ nativeCode: 500 })
  })
})

describeSharedRules(kuaishou, {
  profileOf: (userInfo) => ({ userInfo }),
  successFixtures: [
    ['UserInfoResult', kuaishouProfile],
    ['AuthorizedUserInfoResult', kuaishouProfileWithCredentials],
    ['mini game', kuaishouGameProfile],
  ],
  failFixtures: [['auth deny', kuaishouAuthDeny]],
})

describe('kuaishou.detect', () => {
  it.each([
    ['Kuaishou (ks)', { ks: createKs().ks }, true],
    ['ks that is not an object', { ks: 'ks' }, false],
    ['no globals', {}, false],
  ])('tells whether %s is Kuaishou (%s)', (_variant, globals, expected) => {
    expect(kuaishou.detect(globals)).toBe(expected)
  })

  it('is the runtime detectRuntime() names for a host with only ks (the registry order, src/runtimes.ts)', () => {
    expect(detectRuntime({ ks: {} })).toBe('kuaishou')
  })
})

describe('kuaishou.request', () => {
  it('calls ks.getUserInfo synchronously with the callbacks', () => {
    const sim = createKs()
    expect(kuaishou.request({ ks: sim.ks }, {}, callbacks())).toBeUndefined()
    expect(sim.calls.map((call) => call.api)).toEqual(['getUserInfo'])
  })

  it.each([
    ['an authorised user', true, PROFILE],
    ['a user who was never asked for scope.userInfo', false, { code: 'AUTHORIZATION_REQUIRED', runtime: 'kuaishou' }],
  ] as const)('hands the host answer for %s to the callbacks for mapping', async (_variant, authorized, expected) => {
    const sim = createKs({ authorized })
    const settle = callbacks()
    kuaishou.request({ ks: sim.ks }, {}, settle)
    await afterHost()
    expect(mappedAnswer(kuaishou, settle)).toMatchObject(expected)
  })

  it('returns UNSUPPORTED when there is no ks', () => {
    expect(errorFields(kuaishou.request({}, {}, callbacks()))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'kuaishou' })
  })
})
