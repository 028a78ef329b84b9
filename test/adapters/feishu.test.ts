// Feishu / Lark (`tt.getUserInfo`, sharing `tt` with Douyin): platforms.md §5. ⚠️ The client payload is unconfirmed.
import { describe, expect, it } from 'vitest'
import { adapter as feishu } from '../../adapters/feishu'
import { createTt, douyinAuthDeny, douyinNotLogin, feishuUserInfo, type TtScenario } from '../../testing/tt'
import { afterHost, callbacks, deepFreeze, describeSharedRules, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const AVATAR = feishuUserInfo.userInfo.avatarUrl
const globalsOf = (sim: ReturnType<typeof createTt>) => ({ tt: sim.tt })
/** A success res like `feishuUserInfo`, with userInfo replaced. */
const withUserInfo = (userInfo: object) => deepFreeze({ ...feishuUserInfo, userInfo })

describe('feishu.mapSuccess', () => {
  it('maps the assumed minimal getUserInfo success (§5) to the full result', () => {
    const info = feishu.mapSuccess(feishuUserInfo)
    expect(info).toStrictEqual({ code: '10000', msg: 'Success', avatar: AVATAR, gender: '', nationality: '', nickName: 'XXX' })
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['only a nickName', { nickName: 'XXX' }, { nickName: 'XXX', avatar: '' }],
    ['only an avatarUrl', { avatarUrl: AVATAR }, { nickName: '', avatar: AVATAR }],
    ['server-style fields beside it (name, avatar_url, §5)', { nickName: 'XXX', name: 'Other', avatar_url: 'https://x.example/a.png' }, { nickName: 'XXX', avatar: '' }],
    ['a gender number, as on Douyin', { nickName: 'XXX', gender: 2 }, { gender: 'F' }],
  ])('tolerates a userInfo with %s', (_variant, userInfo, expected) => {
    expect(feishu.mapSuccess(withUserInfo(userInfo))).toMatchObject({ code: '10000', msg: 'Success', ...expected })
  })

  it('answers msg "Success" whatever errMsg the host sends', () => {
    expect(feishu.mapSuccess(deepFreeze({ userInfo: { nickName: 'XXX' } }))).toMatchObject({ msg: 'Success' })
  })
})

describe('feishu.mapFailure', () => {
  it.each([
    ['tt wording for a refusal (§4.4)', douyinAuthDeny, 'USER_DENIED'],
    ['tt wording for a logged-out user (§4.4)', douyinNotLogin, 'AUTHORIZATION_REQUIRED'],
    ['another errMsg', { errMsg: 'getUserInfo:fail internal error' }, 'NATIVE_ERROR'],
    ['an empty object', {}, 'NATIVE_ERROR'],
  ])('maps the %s', (_variant, raw, code) => {
    expect(errorFields(feishu.mapFailure(deepFreeze(raw)))).toMatchObject({ code, runtime: 'feishu', nativeMessage: Reflect.get(raw, 'errMsg') })
  })
})

describeSharedRules(feishu, {
  profileOf: (userInfo) => ({ userInfo }),
  successFixtures: [['minimal getUserInfo', feishuUserInfo]],
  failFixtures: [['auth deny', douyinAuthDeny], ['not login', douyinNotLogin]],
})

describe('feishu.detect', () => {
  it.each([
    ['Feishu', true],
    ['Lark', true],
    ['feishu', true],
    ['Douyin', false],
    ['Toutiao', false],
  ])('tells whether tt with appName %s is Feishu (%s)', (appName, expected) => {
    expect(feishu.detect(globalsOf(createTt({ appName })))).toBe(expected)
  })

  it.each([
    ['tt without getSystemInfoSync', { tt: {} }],
    ['no tt', {}],
  ])('is false for %s', (_variant, globals) => {
    expect(feishu.detect(globals)).toBe(false)
  })
})

describe('feishu.request', () => {
  it('calls tt.getUserInfo synchronously with only the callbacks, even where getUserProfile exists', () => {
    const sim = createTt({ appName: 'Feishu', hasGetUserProfile: true })
    expect(feishu.request(globalsOf(sim), { desc: 'Show your avatar', force: true }, callbacks())).toBeUndefined()
    expect(sim.calls.map((call) => call.api)).toEqual(['getUserInfo'])
    expect(Object.keys(sim.calls[0]?.options as object).sort()).toEqual(['fail', 'success'])
  })

  it.each([
    ['a grant', {}, { code: '10000', msg: 'Success', avatar: AVATAR, nickName: 'XXX' }],
    ['a denial', { choice: 'deny' }, { code: 'USER_DENIED' }],
    ['a logged-out user', { loggedIn: false }, { code: 'AUTHORIZATION_REQUIRED' }],
  ] as const)('hands the host answer for %s to the callbacks for mapping', async (_variant, scenario: TtScenario, expected) => {
    const sim = createTt({ appName: 'Feishu', ...scenario })
    const settle = callbacks()
    feishu.request(globalsOf(sim), {}, settle)
    await afterHost()
    expect(mappedAnswer(feishu, settle)).toMatchObject(expected)
  })

  it('returns UNSUPPORTED when there is no tt', () => {
    expect(errorFields(feishu.request({}, {}, callbacks()))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'feishu' })
  })
})
