// Douyin, Toutiao and the other ByteDance apps (`tt.getUserProfile`, else `tt.getUserInfo`): platforms.md §4.
import { describe, expect, it, vi } from 'vitest'
import { adapter as douyin } from '../../adapters/douyin'
import { createTt, douyinAuthDeny, douyinFailures, douyinNotLogin, douyinNotTap, douyinProfile, douyinProfileAuthDeny, douyinProfileFemale, douyinProfileGenderUnknown, douyinProfileNotLogin, douyinPrivacyNotDeclared, type TtScenario } from '../../testing/tt'
import { getUserProfile, isPlaceholderProfile } from '../../src/index'
import { install } from '../../testing/index'
import { afterHost, callbacks, deepFreeze, describeSharedRules, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const AVATAR = 'https://p3.douyinpic.com/aweme/100x100/XXXXXXXX.jpeg'
const globalsOf = (sim: ReturnType<typeof createTt>) => ({ tt: sim.tt })
const callsTo = (sim: ReturnType<typeof createTt>, api: string) => sim.calls.filter((call) => call.api === api)

describe('douyin.mapSuccess', () => {
  it.each([
    ['getUserProfile success, gender 1 (§4.3)', douyinProfile, 'M'],
    ['getUserProfile success, gender 2 (§4.3)', douyinProfileFemale, 'F'],
    ['getUserProfile success, gender 0 and no region (§4.3)', douyinProfileGenderUnknown, ''],
  ] as const)('maps the %s to the full result', (_variant, raw, gender) => {
    const info = douyin.mapSuccess(raw)
    // `country` is a localised name, so nationality stays '' (§14).
    expect(info).toStrictEqual({ code: '10000', msg: 'Success', avatar: AVATAR, gender, nationality: '', nickName: 'XXX' })
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['a named country (§4.3)', douyinProfile, '中国'],
    ['an empty country', douyinProfileGenderUnknown, ''],
    ['no userInfo', null, undefined],
  ] as const)('reads the country name of %s for resolveCountry', (_variant, raw, name) => {
    expect(douyin.readCountryName?.(raw)).toBe(name)
  })
})

describe('douyin.mapFailure', () => {
  const rows = [
    ['getUserProfile outside a tap', douyinNotTap, 'NOT_USER_GESTURE'],
    ['getUserInfo without login', douyinNotLogin, 'AUTHORIZATION_REQUIRED'],
    ['getUserInfo denied', douyinAuthDeny, 'USER_DENIED'],
    ['getUserProfile denied', douyinProfileAuthDeny, 'USER_DENIED'],
    ['getUserProfile without login', douyinProfileNotLogin, 'AUTHORIZATION_REQUIRED'],
    ['getUserProfile with the scope missing from the privacy agreement', douyinPrivacyNotDeclared, 'PRIVACY_NOT_AUTHORIZED'],
  ] as const

  it('has a row for every fail fixture', () => {
    expect(rows.map(([, raw]) => raw)).toEqual(douyinFailures.map(([, raw]) => raw))
  })

  it.each(rows)('maps the %s fail payload', (_variant, raw, code) => {
    expect(errorFields(douyin.mapFailure(raw))).toEqual({
      name: 'UserProfileError',
      code,
      runtime: 'douyin',
      nativeCode: undefined,
      nativeMessage: raw.errMsg,
      subCode: undefined,
      subMessage: undefined,
    })
  })

  it.each([
    ['a phrase inside a longer errMsg', { errMsg: 'getUserProfile:fail Auth Deny by user' }, 'USER_DENIED'],
    ['"api scope is not declared" (community, §4.4)', { errMsg: 'getUserProfile:fail api scope is not declared' }, 'NATIVE_ERROR'],
    ['tt.authorize without login (§4.4, sic)', { errMsg: 'authroize:fail invalid session' }, 'NATIVE_ERROR'],
    ['an empty object', {}, 'NATIVE_ERROR'],
    ['null', null, 'NATIVE_ERROR'],
  ])('maps %s', (_variant, raw, code) => {
    expect(errorFields(douyin.mapFailure(deepFreeze(raw)))).toMatchObject({ code, runtime: 'douyin' })
  })

  // The typings' fail object is `{errMsg, errNo?}` (§4.4); WeChat spells it `errno`.
  it('keeps the errNo of the typings as nativeCode', () => {
    const raw = deepFreeze({ errMsg: 'getUserProfile:fail auth deny', errNo: 10200 })
    expect(errorFields(douyin.mapFailure(raw))).toMatchObject({ code: 'USER_DENIED', nativeCode: 10200 })
  })
})

describeSharedRules(douyin, {
  profileOf: (userInfo) => ({ userInfo }),
  successFixtures: [
    ['male profile', douyinProfile],
    ['female profile', douyinProfileFemale],
    ['gender unknown profile', douyinProfileGenderUnknown],
  ],
  failFixtures: douyinFailures,
})

describe('douyin.detect', () => {
  it.each([
    ['Douyin', true],
    ['Toutiao', true],
    ['news_article_lite', true],
    ['XiGua', true],
    ['douyin_lite', true],
    ['Feishu', false],
    ['Lark', false],
    ['FEISHU', false],
  ])('tells whether tt with appName %s is Douyin (%s)', (appName, expected) => {
    expect(douyin.detect(globalsOf(createTt({ appName })))).toBe(expected)
  })

  it.each([
    ['tt without getSystemInfoSync', { tt: {} }, true],
    ['no tt', {}, false],
    ['tt that is not an object', { tt: 'tt' }, false],
  ])('tells whether %s is Douyin (%s)', (_variant, globals, expected) => {
    expect(douyin.detect(globals)).toBe(expected)
  })
})

describe('douyin.request', () => {
  it.each([
    ['a desc', { desc: 'Show your avatar' }],
    ['force undefined', { force: undefined }],
  ])('calls tt.getUserProfile synchronously inside the tap, without desc or force, given %s', (_variant, options) => {
    const sim = createTt()
    sim.tap(() => {
      expect(douyin.request(globalsOf(sim), options, callbacks())).toBeUndefined()
      expect(callsTo(sim, 'getUserProfile')).toHaveLength(1)
    })
    expect(Object.keys(callsTo(sim, 'getUserProfile')[0]?.options as object).sort()).toEqual(['fail', 'success'])
  })

  it.each([true, false])('passes force: %s through to tt.getUserProfile', (force) => {
    const sim = createTt()
    sim.tap(() => douyin.request(globalsOf(sim), Object.freeze({ force }), callbacks()))
    expect(callsTo(sim, 'getUserProfile')[0]?.options).toMatchObject({ force })
  })

  it.each([
    ['a grant', {}, { code: '10000', gender: 'M', nickName: 'XXX' }],
    ['a denial', { choice: 'deny' }, { code: 'USER_DENIED' }],
    ['a logged-out user without force', { loggedIn: false }, { code: 'AUTHORIZATION_REQUIRED' }],
  ] as const)('hands the host answer for %s in a tap to the callbacks for mapping', async (_variant, scenario: TtScenario, expected) => {
    const sim = createTt(scenario)
    const settle = callbacks()
    sim.tap(() => douyin.request(globalsOf(sim), {}, settle))
    await afterHost()
    expect(mappedAnswer(douyin, settle)).toMatchObject(expected)
  })

  it('lets a force: true call log a logged-out user in and return the profile', async () => {
    const sim = createTt({ loggedIn: false })
    const settle = callbacks()
    sim.tap(() => douyin.request(globalsOf(sim), { force: true }, settle))
    await afterHost()
    expect(mappedAnswer(douyin, settle)).toMatchObject({ code: '10000', nickName: 'XXX' })
    expect(sim.loggedIn).toBe(true)
  })

  it('gets NOT_USER_GESTURE from the host when called outside a tap', async () => {
    const sim = createTt()
    const settle = callbacks()
    douyin.request(globalsOf(sim), {}, settle)
    await afterHost()
    expect(errorFields(mappedAnswer(douyin, settle)).code).toBe('NOT_USER_GESTURE')
  })

  it('falls back to tt.getUserInfo where tt.getUserProfile is missing (base library < 2.30.0)', async () => {
    const sim = createTt({ hasGetUserProfile: false })
    const settle = callbacks()
    expect(douyin.request(globalsOf(sim), {}, settle)).toBeUndefined()
    expect(callsTo(sim, 'getUserInfo')).toHaveLength(1)
    await afterHost()
    expect(mappedAnswer(douyin, settle)).toMatchObject({ code: '10000', gender: 'M', nickName: 'XXX' })
  })

  // "tt.getUserInfo 将返回匿名数据" (2021-11-25 announcement; devtools 3.2.0+ already do, platforms.md §17.2).
  it.each([
    ['the tt.getUserInfo fallback as a placeholder', true, true],
    ['tt.getUserProfile as a profile', false, false],
  ])('reports %s', async (_title, olderBaseLibrary, placeholder) => {
    // Distinct names: the fallback's pairs are remembered by value (anonymous data is the same for every user).
    const nickName = olderBaseLibrary ? 'Anonymous XXX' : 'Real XXX'
    const host = install('douyin', { profile: { nickName }, override: { olderBaseLibrary } })
    try {
      const info = await host.tap(() => getUserProfile())
      expect(info).toMatchObject({ code: '10000', nickName })
      expect(isPlaceholderProfile(info)).toBe(placeholder)
      expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
      // resolveCountry copies the result: the copy keeps the mark
      const resolved = await host.tap(() => getUserProfile({ resolveCountry: () => 'CN' }))
      expect(resolved.nationality).toBe('CN')
      expect(isPlaceholderProfile(resolved)).toBe(placeholder)
      // recognised by value: a spread copy and a JSON round trip are placeholders too
      expect(isPlaceholderProfile({ ...info })).toBe(placeholder)
      expect(isPlaceholderProfile(JSON.parse(JSON.stringify(info)))).toBe(placeholder)
    } finally {
      host.restore()
    }
  })

  it('reports the fallback as a placeholder even when its answer names no API (found in review)', async () => {
    const sim = createTt({ hasGetUserProfile: false, payload: { userInfo: { nickName: 'XXX', avatarUrl: AVATAR, gender: 1 } } })
    vi.stubGlobal('tt', sim.tt)
    try {
      const info = await getUserProfile()
      expect(info).toMatchObject({ code: '10000', nickName: 'XXX' })
      expect(isPlaceholderProfile(info)).toBe(true)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('returns UNSUPPORTED when there is no tt', () => {
    const settle = callbacks()
    expect(errorFields(douyin.request({}, {}, settle))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'douyin' })
    expect(settle.fail).not.toHaveBeenCalled()
  })
})
