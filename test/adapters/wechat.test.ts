// WeChat (`wx.getUserProfile`): platforms.md §3 and the contract of the issue.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adapter as wechat } from '../../adapters/wechat'
import { UserProfileError } from '../../src/errors'
import { createWx, wechatAnonymized, wechatAuthDenied, wechatAuthDeny, wechatDefaultGreyAvatar, wechatDescLength, wechatFailures, wechatNotTap, wechatPrivacy104, wechatPrivacy104ButtonId, wechatPrivacy112, wechatProfile, type WxScenario } from '../../testing/wx'
import { createMy } from '../../testing/my'
import { afterHost, callbacks, deepFreeze, errorFields, SIX_KEYS } from './helpers'


/** A success res like `wechatProfile`, with some userInfo fields changed. */
const withUserInfo = (changes: object) =>
  deepFreeze({ ...wechatProfile, userInfo: { ...wechatProfile.userInfo, ...changes } })

const globalsOf = (sim: ReturnType<typeof createWx>) => ({ wx: sim.wx, __wxConfig: sim.wxConfig })
const profileCalls = (sim: ReturnType<typeof createWx>) => sim.calls.filter((call) => call.api === 'getUserProfile')
const codePoints = (text: string) => Array.from(text).length

describe('wechat.mapSuccess', () => {
  it.each([
    [
      'real profile before the 2022-11-08 cutoff (gender 2, localised country)',
      wechatProfile,
      { code: '10000', msg: 'Success', avatar: 'https://thirdwx.qlogo.cn/mmopen/vi_32/XXXXXXXX/132', gender: 'F', nationality: '', nickName: 'XXX' },
    ],
    [
      'anonymised profile ("微信用户", grey avatar, gender 0)',
      wechatAnonymized,
      { code: '10000', msg: 'Success', avatar: wechatDefaultGreyAvatar, gender: '', nationality: '', nickName: '微信用户' },
    ],
  ])('maps the %s to the full result', (_variant, raw, expected) => {
    const info = wechat.mapSuccess(raw)
    expect(info).toStrictEqual(expected)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['gender 1', { gender: 1 }, { gender: 'M' }],
    ['gender 0', { gender: 0 }, { gender: '' }],
    ['no gender (typings: 不再返回)', { gender: undefined }, { gender: '' }],
    ['an ISO-looking country', { country: 'CN' }, { nationality: '' }],
    ['a javascript: avatarUrl', { avatarUrl: 'javascript:alert(1)' }, { avatar: '' }],
    ['a temporary chooseAvatar path', { avatarUrl: 'wxfile://tmp_abc.jpg' }, { avatar: '' }],
    ['a 43-character CJK nickName (129 bytes)', { nickName: '微'.repeat(43) }, { nickName: '微'.repeat(42) }],
  ])('maps a profile with %s', (_variant, changes, expected) => {
    expect(wechat.mapSuccess(withUserInfo(changes))).toMatchObject(expected)
  })

  it.each([
    ['no userInfo', deepFreeze({ errMsg: 'getUserProfile:ok' })],
    ['userInfo null', deepFreeze({ userInfo: null })],
    ['userInfo as a string', deepFreeze({ userInfo: '{"nickName":"XXX"}' })],
    ['userInfo only in rawData', deepFreeze({ rawData: wechatProfile.rawData })],
    ['null', null],
    ['a string', 'getUserProfile:ok'],
  ])('returns MALFORMED_RESPONSE for %s', (_variant, raw) => {
    expect(errorFields(wechat.mapSuccess(raw))).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime: 'wechat' })
  })
})

describe('wechat.mapFailure', () => {
  const rows = [
    ['user denial (auth deny)', wechatAuthDeny, 'USER_DENIED'],
    ['user denial (auth denied)', wechatAuthDenied, 'USER_DENIED'],
    ['call outside a tap', wechatNotTap, 'NOT_USER_GESTURE'],
    ['bad desc length', wechatDescLength, 'INVALID_OPTIONS'],
    ['privacy not authorised (104)', wechatPrivacy104, 'PRIVACY_NOT_AUTHORIZED'],
    ['privacy not authorised, buttonId variant (104)', wechatPrivacy104ButtonId, 'PRIVACY_NOT_AUTHORIZED'],
    ['scope not declared in the privacy agreement (112)', wechatPrivacy112, 'PRIVACY_NOT_AUTHORIZED'],
  ] as const

  it('has a row for every fail fixture', () => {
    expect(rows.map(([, raw]) => raw)).toEqual(wechatFailures.map(([, raw]) => raw))
  })

  it.each(rows)('maps the %s fail payload', (_variant, raw, code) => {
    expect(errorFields(wechat.mapFailure(raw))).toEqual({
      name: 'UserProfileError',
      code,
      runtime: 'wechat',
      nativeCode: raw.errno,
      nativeMessage: raw.errMsg,
      subCode: undefined,
      subMessage: undefined,
    })
  })

  it("keeps an empty errMsg as the host's message, rather than reading mini games' `msg` beside it", () => {
    const error = wechat.mapFailure(deepFreeze({ errMsg: '', msg: 'auth deny', errno: 5 }))
    expect(errorFields(error)).toMatchObject({ code: 'NATIVE_ERROR', nativeCode: 5, nativeMessage: '' })
  })

  it.each([
    ['another errMsg', { errMsg: 'getUserProfile:fail system error' }, 'NATIVE_ERROR'],
    ['an unknown errno', { errMsg: 'getUserProfile:fail', errno: 1 }, 'NATIVE_ERROR'],
    ['errno 104 without its message', { errMsg: 'getUserProfile:fail', errno: 104 }, 'PRIVACY_NOT_AUTHORIZED'],
    ['an empty object', {}, 'NATIVE_ERROR'],
    ['null', null, 'NATIVE_ERROR'],
    ['errMsg inherited from the prototype', Object.create(wechatAuthDeny), 'NATIVE_ERROR'],
  ])('maps %s', (_variant, raw, code) => {
    expect(errorFields(wechat.mapFailure(deepFreeze(raw))).code).toBe(code)
  })

  it('keeps payload values out of the error message', () => {
    const raw = deepFreeze({ errMsg: 'getUserProfile:fail auth deny for SecretNick https://secret.example/a.png', errno: 7 })
    expect(wechat.mapFailure(raw).message).not.toMatch(/Secret|secret\.example/)
  })
})

describe('hostile keys in WeChat payloads', () => {
  it.each([
    ['profile fields hidden under "__proto__"', '{"userInfo":{"__proto__":{"nickName":"evil","gender":1}}}'],
    ['a "constructor" member instead of the profile', '{"userInfo":{"constructor":{"nickName":"evil"},"hasOwnProperty":1}}'],
  ])('reads nothing from %s: MALFORMED_RESPONSE', (_variant, json) => {
    expect(errorFields(wechat.mapSuccess(deepFreeze(JSON.parse(json)))).code).toBe('MALFORMED_RESPONSE')
    expect(({} as Record<string, unknown>).nickName).toBeUndefined()
  })

  it('ignores a "constructor" member beside the profile', () => {
    const info = wechat.mapSuccess(deepFreeze(JSON.parse('{"userInfo":{"nickName":"Ana","constructor":{"nickName":"evil"}}}')))
    expect(info).toStrictEqual({ code: '10000', msg: 'Success', avatar: '', gender: '', nationality: '', nickName: 'Ana' })
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype)
  })

  it('ignores a userInfo inherited from the prototype', () => {
    const raw = Object.create(wechatProfile) as object
    expect(errorFields(wechat.mapSuccess(raw)).code).toBe('MALFORMED_RESPONSE')
  })
})

describe('wechat mappers are pure and total', () => {
  it.each([
    ['real profile', wechatProfile],
    ['anonymised profile', wechatAnonymized],
  ])('leaves the %s success fixture unchanged', (_variant, raw) => {
    const before = structuredClone(raw)
    expect(Object.isFrozen(raw.userInfo)).toBe(true)
    wechat.mapSuccess(raw)
    expect(raw).toStrictEqual(before)
  })

  it.each(wechatFailures)('leaves the %s fail fixture unchanged', (_variant, raw) => {
    const before = structuredClone(raw)
    expect(Object.isFrozen(raw)).toBe(true)
    wechat.mapFailure(raw)
    expect(raw).toStrictEqual(before)
  })

  it('never throws and returns six strings or an error, for any value', () => {
    const raws = fc.oneof(fc.anything(), fc.record({ userInfo: fc.anything(), errMsg: fc.string(), errno: fc.anything() }))
    fc.assert(
      fc.property(raws, (raw) => {
        const mapped = wechat.mapSuccess(raw)
        if (!(mapped instanceof UserProfileError)) expect(Object.keys(mapped).sort()).toEqual(SIX_KEYS)
        expect(wechat.mapFailure(raw)).toBeInstanceOf(UserProfileError)
      }),
    )
  })
})

describe('wechat.detect', () => {
  it.each([
    ['WeChat (wx and __wxConfig)', globalsOf(createWx()), true],
    ['an empty __wxConfig', { wx: createWx().wx, __wxConfig: {} }, true],
    ['a bare wx, as in QQ or QQ Browser', { wx: createWx().wx }, false],
    ['QQ (qq beside wx and __wxConfig)', { ...globalsOf(createWx()), qq: { getUserInfo() {} } }, false],
    ['QQ Browser (getSystemInfoSync().isQB true)', { wx: { ...createWx().wx, getSystemInfoSync: () => ({ isQB: true }) }, __wxConfig: {} }, false],
    ['isQB false', { wx: { ...createWx().wx, getSystemInfoSync: () => ({ isQB: false }) }, __wxConfig: {} }, true],
    ['__wxConfig without wx', { __wxConfig: createWx().wxConfig }, false],
    ['wx that is not an object', { wx: 'wx', __wxConfig: {} }, false],
    ['Alipay', { my: createMy().my }, false],
    ['no globals', {}, false],
  ])('tells whether %s is WeChat (%s)', (_variant, globals, expected) => {
    expect(wechat.detect(globals)).toBe(expected)
  })
})

describe('wechat.request desc rules', () => {
  it('uses a default desc of 1 to 30 characters when desc is undefined', () => {
    const sim = createWx()
    expect(sim.tap(() => wechat.request(globalsOf(sim), { desc: undefined }, callbacks()))).toBeUndefined()
    const desc: unknown = Reflect.get(profileCalls(sim)[0]?.options as object, 'desc')
    expect(typeof desc).toBe('string')
    expect(codePoints(desc as string)).toBeGreaterThan(0)
    expect(codePoints(desc as string)).toBeLessThanOrEqual(30)
  })

  it.each([
    ['30 ASCII characters', 'x'.repeat(30)],
    ['30 CJK characters', '头'.repeat(30)],
    ['28 characters and an emoji (30 UTF-16 units)', 'x'.repeat(28) + '😀'],
    ['15 emoji (30 UTF-16 units)', '😀'.repeat(15)],
    ['one character', 'x'],
  ])('passes a desc of %s to wx.getUserProfile unchanged', (_variant, desc) => {
    const sim = createWx()
    const options = Object.freeze({ desc })
    expect(sim.tap(() => wechat.request(globalsOf(sim), options, callbacks()))).toBeUndefined()
    expect(profileCalls(sim)).toHaveLength(1)
    expect(profileCalls(sim)[0]?.options).toMatchObject({ desc })
  })

  it.each([
    ['31 ASCII characters', 'x'.repeat(31)],
    // ⚠️ WeChat's counting is undocumented; the stricter reading (UTF-16 units) is enforced, so these fail early.
    ['29 characters and an emoji (31 UTF-16 units)', 'x'.repeat(29) + '😀'],
    ['16 emoji (32 UTF-16 units)', '😀'.repeat(16)],
    ['an empty string', ''],
  ])('returns INVALID_OPTIONS for a desc of %s before any native call', (_variant, desc) => {
    const sim = createWx()
    const settle = callbacks()
    const error = sim.tap(() => wechat.request(globalsOf(sim), { desc }, settle))
    expect(errorFields(error)).toMatchObject({ code: 'INVALID_OPTIONS', runtime: 'wechat' })
    expect(sim.calls).toEqual([])
    expect(settle.success).not.toHaveBeenCalled()
    expect(settle.fail).not.toHaveBeenCalled()
  })
})

describe('wechat.request', () => {
  it('calls wx.getUserProfile synchronously, inside the tap', () => {
    const sim = createWx()
    sim.tap(() => {
      wechat.request(globalsOf(sim), { desc: 'Show your avatar' }, callbacks())
      expect(profileCalls(sim)).toHaveLength(1)
    })
    expect(profileCalls(sim)[0]?.options).toMatchObject({ success: expect.any(Function), fail: expect.any(Function) })
  })

  it.each([
    ['a grant (anonymised profile)', {}, 'success', { code: '10000', nickName: '微信用户' }],
    ['a grant with a real profile', { userInfo: wechatProfile.userInfo }, 'success', { gender: 'F', nickName: 'XXX' }],
    ['a denial', { choice: 'deny' }, 'fail', { code: 'USER_DENIED' }],
    ['privacy not authorised (104)', { privacy: 'not-accepted' }, 'fail', { code: 'PRIVACY_NOT_AUTHORIZED', nativeCode: 104 }],
    ['a scope missing from the privacy agreement (112)', { privacy: 'not-declared' }, 'fail', { code: 'PRIVACY_NOT_AUTHORIZED', nativeCode: 112 }],
  ] as const)('hands the host answer for %s in a tap to the callbacks for mapping', async (_variant, scenario: WxScenario, channel, expected) => {
    const sim = createWx(scenario)
    const settle = callbacks()
    sim.tap(() => wechat.request(globalsOf(sim), { desc: 'Show your avatar' }, settle))
    await afterHost()
    const callback = channel === 'success' ? settle.success : settle.fail
    expect(callback).toHaveBeenCalledTimes(1)
    const raw: unknown = callback.mock.calls[0]?.[0]
    expect(channel === 'success' ? wechat.mapSuccess(raw) : wechat.mapFailure(raw)).toMatchObject(expected)
  })

  it('gets NOT_USER_GESTURE from the host when called outside a tap', async () => {
    const sim = createWx()
    const settle = callbacks()
    wechat.request(globalsOf(sim), { desc: 'Show your avatar' }, settle)
    await afterHost()
    expect(errorFields(wechat.mapFailure(settle.fail.mock.calls[0]?.[0])).code).toBe('NOT_USER_GESTURE')
  })

  it.each([
    ['wx.getUserProfile is missing (base library < 2.10.4)', globalsOf(createWx({ hasGetUserProfile: false }))],
    ['there is no wx', {}],
  ])('returns UNSUPPORTED when %s', (_variant, globals) => {
    const settle = callbacks()
    expect(errorFields(wechat.request(globals, { desc: 'Show your avatar' }, settle))).toMatchObject({
      code: 'UNSUPPORTED',
      runtime: 'wechat',
    })
    expect(settle.fail).not.toHaveBeenCalled()
  })
})
