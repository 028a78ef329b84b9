// LINE MINI Apps / LIFF (`liff`): platforms.md §17.4, developers.line.biz/en/reference/liff.
import { describe, expect, it } from 'vitest'
import { adapter as line, login } from '../../adapters/line'
import { createLiff, liffError, lineProfile } from '../../testing/line'
import { afterHost, callbacks, deepFreeze, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const globalsOf = (sim: ReturnType<typeof createLiff>) => ({ liff: sim.liff })

describe('line.detect', () => {
  it.each([
    ['the LINE app (isInClient)', globalsOf(createLiff()), true],
    ['an external browser (isInClient false)', globalsOf(createLiff({ inClient: false })), false],
    ['no liff global', {}, false],
    ['a liff without isInClient', { liff: {} }, false],
  ])('%s → %s', (_variant, globals, expected) => {
    expect(line.detect(globals)).toBe(expected)
  })
})

describe('line.mapSuccess', () => {
  it('maps the documented profile: displayName, pictureUrl', () => {
    const info = line.mapSuccess(lineProfile)
    expect(info).toStrictEqual({ code: '10000', msg: 'Success', avatar: lineProfile.pictureUrl, gender: '', nationality: '', nickName: 'XXX' })
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['no pictureUrl (optional)', { userId: 'U1', displayName: 'Ana' }, { nickName: 'Ana', avatar: '' }],
    ['a javascript: pictureUrl', { displayName: 'Ana', pictureUrl: 'javascript:x' }, { avatar: '' }],
  ])('maps a profile with %s', (_variant, profile, expected) => {
    expect(line.mapSuccess(deepFreeze(profile))).toMatchObject(expected)
  })

  it.each([['only a userId', { userId: 'U1' }], ['null', null], ['a string', 'Ana']])('returns MALFORMED_RESPONSE for %s', (_variant, profile) => {
    expect(errorFields(line.mapSuccess(profile))).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime: 'line' })
  })
})

describe('line.mapFailure (LiffError codes)', () => {
  it.each([
    ['UNAUTHORIZED', 'USER_DENIED'],
    ['FORBIDDEN', 'INSUFFICIENT_PERMISSIONS'],
    ['403', 'INSUFFICIENT_PERMISSIONS'],
    ['401', 'AUTHORIZATION_REQUIRED'],
    ['INIT_FAILED', 'AUTHORIZATION_REQUIRED'],
    ['INVALID_CONFIG', 'AUTHORIZATION_REQUIRED'],
    ['429', 'NATIVE_ERROR'],
    ['UNKNOWN', 'NATIVE_ERROR'],
  ])('%s → %s', (code, expected) => {
    expect(errorFields(line.mapFailure(liffError(code, 'msg')))).toMatchObject({ code: expected, nativeCode: code, nativeMessage: 'msg' })
  })

  it('advises the profile scope for FORBIDDEN', () => {
    expect(line.mapFailure(liffError('FORBIDDEN', 'x')).message).toContain('profile scope')
  })
})

describe('line.request', () => {
  it('calls liff.getProfile once and hands over its answer', async () => {
    const sim = createLiff()
    const settle = callbacks()
    expect(line.request(globalsOf(sim), {}, settle)).toBeUndefined()
    await afterHost()
    expect(mappedAnswer(line, settle)).toMatchObject({ nickName: 'XXX' })
    expect(sim.calls.map((call) => call.api)).toEqual(['getProfile'])
  })

  it.each([
    ['before liff.init', { initialised: false }, 'liff.init'],
    ['not logged in', { loggedIn: false }, 'liff.login'],
  ] as const)('returns AUTHORIZATION_REQUIRED %s, with no getProfile call', (_variant, scenario, advice) => {
    const sim = createLiff(scenario)
    const error = errorFields(line.request(globalsOf(sim), {}, callbacks()))
    expect(error).toMatchObject({ code: 'AUTHORIZATION_REQUIRED' })
    expect(line.request(globalsOf(sim), {}, callbacks())?.message).toContain(advice)
    expect(sim.calls).toEqual([])
  })

  it('works after the page runs liff.init, as LINE documents', async () => {
    const sim = createLiff({ initialised: false })
    await (sim.liff.init as (config: object) => Promise<void>)({ liffId: '1234-abcd' })
    expect(line.request(globalsOf(sim), {}, callbacks())).toBeUndefined()
  })

  it('returns UNSUPPORTED without the SDK, and MALFORMED_RESPONSE when getProfile gives no promise', () => {
    expect(errorFields(line.request({}, {}, callbacks()))).toMatchObject({ code: 'UNSUPPORTED' })
    const liff = { id: 'x', isLoggedIn: () => true, getProfile: () => 'not a promise' }
    expect(errorFields(line.request({ liff }, {}, callbacks()))).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })
})

describe('line login', () => {
  it('gives the ID token as the credential', () => {
    const settle = callbacks()
    login.request(globalsOf(createLiff()), { scopes: 'auth_base' }, settle)
    expect(login.mapSuccess(settle.success.mock.calls[0]?.[0])).toEqual({ code: 'XXXXXXXX.id-token.XXXXXXXX', runtime: 'line' })
  })

  it('returns INSUFFICIENT_PERMISSIONS without the openid scope (a null ID token), AUTHORIZATION_REQUIRED logged out', () => {
    expect(errorFields(login.request(globalsOf(createLiff({ idToken: null })), { scopes: 'auth_base' }, callbacks()))).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' })
    expect(errorFields(login.request(globalsOf(createLiff({ loggedIn: false })), { scopes: 'auth_base' }, callbacks()))).toMatchObject({ code: 'AUTHORIZATION_REQUIRED' })
  })
})
