// Alipay and Alipay+ wallets (`my.getOpenUserInfo`): platforms.md §1, §2 and the contract of the issue.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { adapter as alipay } from '../../adapters/alipay'
import { UserProfileError } from '../../src/errors'
import { alipay2022, alipay2022NoProfile, alipay40003, alipay40006, alipay40006Cn, alipayAlreadyParsed, alipayDocumented, alipayFailAlwaysRefused, alipayFailNetwork, alipayFailNoPermission, alipayFailRefusedAndAlways, alipayFailUnknown, alipayFailUnsupported, alipayFailures, alipayFailUserCancel, alipayFailUserCancelAlipayPlus, alipayFailUserRefused, alipayPre2022, alipayWalletDocs, createMy } from '../../testing/my'
import { createWx } from '../../testing/wx'
import { afterHost, deepFreeze, errorFields, SIX_KEYS } from './helpers'

const DOC_AVATAR = 'https://cdn/images/partner/XXXXXXXX'
const TFS_AVATAR = 'https://tfs.alipayobjects.com/images/partner/XXXXXXXX'

/** A success `res` as the hosts send it: the inner response, double-encoded. */
const encoded = (inner: object) => deepFreeze({ response: JSON.stringify({ response: inner }) })

// Every success-callback fixture, named after its platforms.md section.
const SUCCESS_FIXTURES = [
  ['documented', alipayDocumented],
  ['wallet docs', alipayWalletDocs],
  ['already parsed', alipayAlreadyParsed],
  ['2022', alipay2022],
  ['2022 no profile', alipay2022NoProfile],
  ['pre-2022', alipayPre2022],
  ['40003', alipay40003],
  ['40006', alipay40006],
  ['40006Cn', alipay40006Cn],
] as const

describe('alipay.mapSuccess', () => {
  it.each([
    [
      'documented shape (my.getOpenUserInfo.txt: gender F, nationality)',
      alipayDocumented,
      { code: '10000', msg: 'Success', avatar: DOC_AVATAR, gender: 'F', nationality: 'US', nickName: '' },
    ],
    [
      'Alipay+ wallet docs (gender m, countryCode)',
      alipayWalletDocs,
      { code: '10000', msg: 'Success', avatar: DOC_AVATAR, gender: 'M', nationality: 'SG', nickName: 'XXX' },
    ],
    [
      'already-parsed response object',
      alipayAlreadyParsed,
      { code: '10000', msg: 'Success', avatar: DOC_AVATAR, gender: 'M', nationality: 'SG', nickName: 'XXX' },
    ],
    [
      'Alipay China 2022 (gender and countryCode forced empty)',
      alipay2022,
      { code: '10000', msg: 'Success', avatar: TFS_AVATAR, gender: '', nationality: '', nickName: 'XXX' },
    ],
    [
      'Alipay China 2022 without avatar and nickName',
      alipay2022NoProfile,
      { code: '10000', msg: 'Success', avatar: '', gender: '', nationality: '', nickName: '' },
    ],
    [
      'Alipay China pre-2022 (gender f, countryCode CN)',
      alipayPre2022,
      { code: '10000', msg: 'Success', avatar: TFS_AVATAR, gender: 'F', nationality: 'CN', nickName: 'XXX' },
    ],
  ])('maps the %s to the full result', (_variant, raw, expected) => {
    const info = alipay.mapSuccess(raw)
    expect(info).toStrictEqual(expected)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    [
      'not authorised (40003)',
      alipay40003,
      ['AUTHORIZATION_REQUIRED', '40003', 'Insufficient Conditions', 'isv.invalid-auth-relations', '无效的授权关系'],
    ],
    [
      'feature not connected, Alipay+ wording (40006)',
      alipay40006,
      ['INSUFFICIENT_PERMISSIONS', '40006', 'Insufficient Permissions', 'isv.insufficient-isv-permissions', 'Insufficient permissions'],
    ],
    [
      'feature not connected, Alipay China wording (40006)',
      alipay40006Cn,
      [
        'INSUFFICIENT_PERMISSIONS',
        '40006',
        'Insufficient Permissions',
        'isv.insufficient-isv-permissions',
        'ISV权限不足，建议在开发者中心检查对应功能是否已经添加',
      ],
    ],
    [
      'another result code (20000)',
      encoded({ code: '20000', msg: 'Service Currently Unavailable', subCode: 'isp.unknow-error', subMsg: '系统繁忙' }),
      ['NATIVE_ERROR', '20000', 'Service Currently Unavailable', 'isp.unknow-error', '系统繁忙'],
    ],
  ])('returns an error for the %s inside success', (_variant, raw, [code, nativeCode, nativeMessage, subCode, subMessage]) => {
    expect(errorFields(alipay.mapSuccess(raw))).toEqual({
      name: 'UserProfileError',
      code,
      runtime: 'alipay',
      nativeCode,
      nativeMessage,
      subCode,
      subMessage,
    })
  })

  it.each([
    ['a non-JSON string', deepFreeze({ response: 'not json' })],
    ['a cut-off JSON string', deepFreeze({ response: '{"response":{"code":"10000","nickName":"Secret' })],
    ['JSON null', deepFreeze({ response: 'null' })],
    ['a JSON number', deepFreeze({ response: '42' })],
    ['a number instead of a string', deepFreeze({ response: 42 })],
    ['a JSON array', deepFreeze({ response: '[]' })],
    ['an inner response that is a string', deepFreeze({ response: '{"response":"x"}' })],
    ['an empty inner response', encoded({})],
    ['an inner response with no known key', encoded({ foo: 'bar' })],
    ['code as an object', encoded({ code: { value: '10000' }, nickName: 'XXX' })],
    ['code as a boolean', encoded({ code: true, nickName: 'XXX' })],
    ['a missing response', deepFreeze({})],
    ['null', null],
    ['undefined', undefined],
    ['a bare string', 'response'],
  ])('returns MALFORMED_RESPONSE for %s', (_variant, raw) => {
    expect(errorFields(alipay.mapSuccess(raw))).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime: 'alipay' })
  })

  it('falls back to countryCode when nationality is empty', () => {
    expect(alipay.mapSuccess(encoded({ code: '10000', nationality: '', countryCode: 'sg' }))).toMatchObject({ nationality: 'SG' })
  })

  it('reads a throwing getter as a missing field instead of throwing', () => {
    const inner = Object.defineProperty({ code: '10000' }, 'nickName', {
      enumerable: true,
      get: () => {
        throw new Error('host getter')
      },
    })
    expect(alipay.mapSuccess({ response: inner })).toMatchObject({ code: '10000', nickName: '' })
  })

  it('keeps payload values out of every error message', () => {
    const secrets = { nickName: 'SecretNick', avatar: 'https://secret.example/a.png', msg: 'SecretMsg' }
    const raws = [
      encoded({ code: '40006', ...secrets }),
      encoded({ code: '40003', ...secrets }),
      encoded({ code: '20000', ...secrets }),
      encoded({ code: { secrets }, ...secrets }),
      deepFreeze({ response: JSON.stringify({ response: secrets }).slice(0, -2) }),
    ]
    for (const raw of raws) {
      const { message } = alipay.mapSuccess(raw) as UserProfileError
      expect(message).not.toMatch(/Secret|secret\.example/)
      expect(message).not.toContain(raw.response)
    }
  })
})

describe('alipay.mapFailure', () => {
  const rows = [
    ['unsupported API (1)', alipayFailUnsupported, 'NATIVE_ERROR'],
    ['unknown error (3)', alipayFailUnknown, 'NATIVE_ERROR'],
    ['no permission (4, N22104)', alipayFailNoPermission, 'NATIVE_ERROR'],
    ['user cancelled (11)', alipayFailUserCancel, 'USER_DENIED'],
    ['network error (12)', alipayFailNetwork, 'NATIVE_ERROR'],
    ['Alipay+ user cancelled (1001)', alipayFailUserCancelAlipayPlus, 'USER_DENIED'],
    ['user refused (2001)', alipayFailUserRefused, 'USER_DENIED'],
    ['refused earlier with "always" (2002)', alipayFailAlwaysRefused, 'USER_DENIED'],
    ['refused now with "always" (2003)', alipayFailRefusedAndAlways, 'USER_DENIED'],
  ] as const

  it('has a row for every fail fixture', () => {
    expect(rows.map(([, raw]) => raw)).toEqual(alipayFailures.map(([, raw]) => raw))
  })

  it.each(rows)('maps the %s fail payload', (_variant, raw, code) => {
    expect(errorFields(alipay.mapFailure(raw))).toEqual({
      name: 'UserProfileError',
      code,
      runtime: 'alipay',
      nativeCode: raw.error,
      nativeMessage: raw.errorMessage,
      subCode: undefined,
      subMessage: undefined,
    })
  })

  it('reads a decimal string error as its number', () => {
    expect(alipay.mapFailure({ error: '11', errorMessage: '用户取消' }).code).toBe('USER_DENIED')
  })

  it.each([
    ['an empty object', {}],
    ['null', null],
    ['an error that is an object', { error: { code: 11 } }],
    ['a hexadecimal string error', { error: '0xb' }],
    ['a padded string error', { error: '11 ' }],
  ])('returns NATIVE_ERROR for %s', (_variant, raw) => {
    expect(errorFields(alipay.mapFailure(deepFreeze(raw)))).toMatchObject({ code: 'NATIVE_ERROR', runtime: 'alipay' })
  })
})

describe('hostile keys in Alipay payloads', () => {
  const parsed = (json: string): unknown => deepFreeze(JSON.parse(json))

  it.each([
    ['profile fields hidden under "__proto__"', '{"response":{"code":"10000","__proto__":{"nickName":"evil","gender":"M"}}}'],
    ['a "constructor" member beside the profile', '{"response":{"code":"10000","constructor":{"name":"evil"},"prototype":"x"}}'],
  ])('ignores %s', (_variant, json) => {
    const info = alipay.mapSuccess({ response: json })
    expect(info).toStrictEqual({ code: '10000', msg: 'Success', avatar: '', gender: '', nationality: '', nickName: '' })
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).nickName).toBeUndefined()
  })

  it('returns MALFORMED_RESPONSE when the whole inner response hides under "__proto__"', () => {
    const raw = { response: '{"response":{"__proto__":{"code":"10000","nickName":"evil"}}}' }
    expect(errorFields(alipay.mapSuccess(raw)).code).toBe('MALFORMED_RESPONSE')
  })

  it('ignores a response inherited from the prototype', () => {
    const raw = Object.create(alipayDocumented) as object
    expect(errorFields(alipay.mapSuccess(raw)).code).toBe('MALFORMED_RESPONSE')
  })

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('maps the result code "%s" to NATIVE_ERROR', (code) => {
    const raw = { response: JSON.stringify({ response: { code, msg: 'x' } }) }
    expect(errorFields(alipay.mapSuccess(raw))).toMatchObject({ code: 'NATIVE_ERROR', nativeCode: code })
  })

  it.each(['__proto__', 'constructor', 'valueOf'])('maps the fail error "%s" to NATIVE_ERROR', (error) => {
    expect(errorFields(alipay.mapFailure(parsed(JSON.stringify({ error, errorMessage: 'x' })))).code).toBe('NATIVE_ERROR')
  })
})

describe('alipay mappers are pure and total', () => {
  it.each(SUCCESS_FIXTURES)('leaves the %s success fixture unchanged', (_variant, raw) => {
    const before = structuredClone(raw)
    expect(Object.isFrozen(raw)).toBe(true)
    alipay.mapSuccess(raw)
    expect(raw).toStrictEqual(before)
  })

  it.each(alipayFailures)('leaves the %s fail fixture unchanged', (_variant, raw) => {
    const before = structuredClone(raw)
    expect(Object.isFrozen(raw)).toBe(true)
    alipay.mapFailure(raw)
    expect(raw).toStrictEqual(before)
  })

  it('never throws and returns six strings or an error, for any value', () => {
    const raws = fc.oneof(fc.anything(), fc.record({ response: fc.oneof(fc.json(), fc.anything()) }))
    fc.assert(
      fc.property(raws, (raw) => {
        const mapped = alipay.mapSuccess(raw)
        if (!(mapped instanceof UserProfileError)) expect(Object.keys(mapped).sort()).toEqual(SIX_KEYS)
        expect(alipay.mapFailure(raw)).toBeInstanceOf(UserProfileError)
      }),
    )
  })
})

describe('alipay.detect', () => {
  const throwingInfo = { getOpenUserInfo() {}, getSystemInfoSync: () => { throw new Error('not ready') } }
  it.each([
    ['Alipay (app alipay)', { my: createMy().my }, true],
    ['an Alipay+ wallet with app GCash', { my: createMy({ app: 'GCash' }).my }, true],
    ['an Alipay+ wallet with app TNG', { my: createMy({ app: 'TNG' }).my }, true],
    ['an Alipay+ wallet with an empty app', { my: createMy({ app: '' }).my }, true],
    ['my whose getSystemInfoSync throws', { my: throwingInfo }, true],
    ['my without getSystemInfoSync', { my: { getOpenUserInfo() {} } }, true],
    ['DingTalk by app DINGTALK', { my: createMy({ app: 'DINGTALK' }).my }, false],
    ['DingTalk by the dd global', { my: createMy().my, dd: {} }, false],
    ['DingTalk by app dingtalk (lower case)', { my: createMy({ app: 'dingtalk' }).my }, false],
    ['Taobao by app TB', { my: createMy({ app: 'TB' }).my }, false],
    ['Taobao by app taobao', { my: createMy({ app: 'taobao' }).my }, false],
    ['Taobao by app Taobao (mixed case)', { my: createMy({ app: 'Taobao' }).my }, false],
    ['no my', {}, false],
    ['WeChat', { wx: createWx().wx, __wxConfig: createWx().wxConfig }, false],
    ['my that is not an object', { my: 'my' }, false],
  ])('tells whether %s is Alipay (%s)', (_variant, globals, expected) => {
    expect(alipay.detect(globals)).toBe(expected)
  })

  it('returns false when reading my throws', () => {
    const globals = Object.defineProperty({}, 'my', { get: () => { throw new Error('not ready') } })
    expect(alipay.detect(globals)).toBe(false)
  })
})

describe('alipay.request', () => {
  const callbacks = () => ({ success: vi.fn(), fail: vi.fn() })

  it('calls my.getOpenUserInfo synchronously with the success and fail callbacks', () => {
    const sim = createMy()
    const settle = callbacks()
    expect(alipay.request({ my: sim.my }, { desc: undefined }, settle)).toBeUndefined()
    const calls = sim.calls.filter((call) => call.api === 'getOpenUserInfo')
    expect(calls).toHaveLength(1)
    expect(calls[0]?.options).toEqual({ success: expect.any(Function), fail: expect.any(Function) })
    expect(settle.success).not.toHaveBeenCalled()
  })

  it.each([
    ['an authorised user', () => { const sim = createMy(); sim.pressAuthorizeButton(); return sim }, 'success', { code: '10000', gender: 'F' }],
    ['a user who has not authorised (40003)', () => createMy(), 'success', { code: 'AUTHORIZATION_REQUIRED' }],
    ['a feature not connected (40006)', () => createMy({ featureConnected: false }), 'success', { code: 'INSUFFICIENT_PERMISSIONS' }],
    [
      'a JSAPI failure (11)',
      () => { const sim = createMy({ failWith: alipayFailUserCancel }); sim.pressAuthorizeButton(); return sim },
      'fail',
      { code: 'USER_DENIED', nativeCode: 11 },
    ],
  ] as const)('hands the host answer for %s to the callbacks for mapping', async (_variant, makeSim, channel, expected) => {
    const settle = callbacks()
    alipay.request({ my: makeSim().my }, { desc: undefined }, settle)
    await afterHost()
    const callback = channel === 'success' ? settle.success : settle.fail
    expect(callback).toHaveBeenCalledTimes(1)
    const raw: unknown = callback.mock.calls[0]?.[0]
    const mapped = channel === 'success' ? alipay.mapSuccess(raw) : alipay.mapFailure(raw)
    expect(mapped).toMatchObject(expected)
  })

  it.each([
    ['my.getOpenUserInfo is missing (base library < 1.16.4)', { my: createMy({ hasGetOpenUserInfo: false }).my }],
    ['there is no my', {}],
  ])('returns UNSUPPORTED without calling the host when %s', (_variant, globals) => {
    const settle = callbacks()
    expect(errorFields(alipay.request(globals, { desc: undefined }, settle))).toMatchObject({
      code: 'UNSUPPORTED',
      runtime: 'alipay',
    })
    expect(settle.success).not.toHaveBeenCalled()
    expect(settle.fail).not.toHaveBeenCalled()
  })
})
