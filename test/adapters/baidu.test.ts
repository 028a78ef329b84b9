// Baidu (`swan.getUserInfo`, whose refusal is the anonymous "百度网友" success): platforms.md §7.
import { describe, expect, it } from 'vitest'
import { adapter as baidu } from '../../adapters/baidu'
import { detectRuntime } from '../../src/index'
import { baiduAnonymous, baiduDefaultAvatar, baiduHostFailure, baiduProfile, baiduProfileOlder, createSwan, type SwanScenario } from '../../testing/swan'
import { afterHost, callbacks, deepFreeze, describeSharedRules, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const AVATAR = 'https://himg.bdimg.com/sys/portrait/item/XXXXXXXX'
const ANONYMOUS = { code: '10000', msg: 'Success', avatar: baiduDefaultAvatar, gender: '', nationality: '', nickName: '百度网友' }
const withUserInfo = (changes: object) =>
  deepFreeze({ ...baiduProfileOlder, userInfo: { ...baiduProfileOlder.userInfo, ...changes } })

describe('baidu.mapSuccess', () => {
  it.each([
    ['current docs (gender 2 as a Number)', baiduProfile, { code: '10000', msg: 'Success', avatar: AVATAR, gender: 'F', nationality: '', nickName: 'XXX' }],
    ['older docs (gender "1" as a String)', baiduProfileOlder, { code: '10000', msg: 'Success', avatar: AVATAR, gender: 'M', nationality: '', nickName: 'XXX' }],
    ['anonymous answer ("百度网友", default avatar, isAnonymous)', baiduAnonymous, ANONYMOUS],
  ])('maps the %s to the full result', (_variant, raw, expected) => {
    const info = baidu.mapSuccess(raw)
    expect(info).toStrictEqual(expected)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['String gender "2" (older docs)', { gender: '2' }, { gender: 'F' }],
    ['String gender "0" (older docs)', { gender: '0' }, { gender: '' }],
  ])('maps a profile with %s', (_variant, changes, expected) => {
    expect(baidu.mapSuccess(withUserInfo(changes))).toMatchObject(expected)
  })
})

describe('baidu.isPlaceholder', () => {
  it.each([
    ['the anonymous "百度网友"', '百度网友', baiduDefaultAvatar, true],
    ['"百度网友" with another avatar', '百度网友', AVATAR, true],
    ['a real nickname', 'XXX', AVATAR, false],
  ])('tells whether %s is a placeholder (%s)', (_variant, nickName, avatar, expected) => {
    expect(baidu.isPlaceholder?.(nickName, avatar)).toBe(expected)
  })
})

describe('baidu.mapFailure', () => {
  it.each([
    // ⚠️ Baidu's error strings were not collected (§7); the common refusal wording is assumed.
    ['common refusal wording', { errMsg: 'getUserInfo:fail auth deny' }, 'USER_DENIED'],
    ['hostile-host placeholder ({errCode, errMsg})', baiduHostFailure, 'NATIVE_ERROR'],
  ])('maps the %s', (_variant, raw, code) => {
    expect(errorFields(baidu.mapFailure(deepFreeze(raw)))).toMatchObject({ code, runtime: 'baidu', nativeMessage: raw.errMsg })
  })
})

describeSharedRules(baidu, {
  profileOf: (userInfo) => ({ userInfo }),
  successFixtures: [
    ['current docs', baiduProfile],
    ['older docs', baiduProfileOlder],
    ['anonymous', baiduAnonymous],
  ],
  failFixtures: [['host failure placeholder', baiduHostFailure]],
})

describe('baidu.detect', () => {
  it.each([
    ['Baidu (swan)', { swan: createSwan().swan }, true],
    ['swan that is not an object', { swan: 'swan' }, false],
    ['no globals', {}, false],
  ])('tells whether %s is Baidu (%s)', (_variant, globals, expected) => {
    expect(baidu.detect(globals)).toBe(expected)
  })

  it('is the runtime detectRuntime() names for a host with only swan (the registry order, src/runtimes.ts)', () => {
    expect(detectRuntime({ swan: {} })).toBe('baidu')
  })
})

describe('baidu.request', () => {
  it('calls swan.getUserInfo synchronously with the callbacks', () => {
    const sim = createSwan()
    expect(baidu.request({ swan: sim.swan }, {}, callbacks())).toBeUndefined()
    expect(sim.calls.map((call) => call.api)).toEqual(['getUserInfo'])
  })

  it.each([
    ['a grant', {}, { code: '10000', gender: 'F', nickName: 'XXX' }],
    ['a refusal (anonymous success)', { choice: 'deny' }, ANONYMOUS],
    ['a logged-out user (anonymous success)', { loggedIn: false }, ANONYMOUS],
    ['a grant with the older payload', { payload: baiduProfileOlder }, { gender: 'M' }],
  ] as const)('hands the host answer for %s to the callbacks for mapping', async (_variant, scenario: SwanScenario, expected) => {
    const sim = createSwan(scenario)
    const settle = callbacks()
    baidu.request({ swan: sim.swan }, {}, settle)
    await afterHost()
    const info = mappedAnswer(baidu, settle)
    expect(info).toMatchObject(expected)
  })

  it('returns UNSUPPORTED when there is no swan', () => {
    expect(errorFields(baidu.request({}, {}, callbacks()))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'baidu' })
  })
})
