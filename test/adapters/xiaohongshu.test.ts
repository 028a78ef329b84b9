// Xiaohongshu (`xhs.getUserInfo` where the host has it, else the getUserInfo button): platforms.md §10.
// ⚠️ Conflicting community sources.
import { describe, expect, it } from 'vitest'
import { adapter as xiaohongshu } from '../../adapters/xiaohongshu'
import { detectRuntime } from '../../src/index'
import { createXhs, xhsAuthDeny, xhsProfile } from '../../testing/xhs'
import { afterHost, callbacks, deepFreeze, describeSharedRules, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const XHS_PROFILE = {
  code: '10000',
  msg: 'Success',
  avatar: 'https://sns-avatar-qc.xhscdn.com/avatar/XXXXXXXX',
  gender: '',
  nationality: '',
  nickName: 'XXX',
}

describe('xiaohongshu.mapSuccess', () => {
  it('maps the community-mocked xhs.getUserInfo success ({userInfo:{nickName, avatarUrl}}) to the full result', () => {
    const info = xiaohongshu.mapSuccess(xhsProfile)
    expect(info).toStrictEqual(XHS_PROFILE)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })
})

describe('xiaohongshu.mapFailure', () => {
  it.each([
    ['refusal at the button (WeChat wording assumed)', xhsAuthDeny, 'USER_DENIED'],
    ['call before authorisation (WeChat wording assumed)', { errMsg: 'getUserInfo:fail scope unauthorized' }, 'AUTHORIZATION_REQUIRED'],
    ['another errMsg', { errMsg: 'getUserInfo:fail system error' }, 'NATIVE_ERROR'],
  ])('maps the %s', (_variant, raw, code) => {
    expect(errorFields(xiaohongshu.mapFailure(deepFreeze(raw)))).toMatchObject({ code, runtime: 'xiaohongshu', nativeMessage: raw.errMsg })
  })
})

describeSharedRules(xiaohongshu, {
  profileOf: (userInfo) => ({ userInfo }),
  successFixtures: [['getUserInfo success', xhsProfile]],
  failFixtures: [['auth deny', xhsAuthDeny]],
})

describe('xiaohongshu.detect', () => {
  it.each([
    ['Xiaohongshu without xhs.getUserInfo', { xhs: createXhs().xhs }, true],
    ['Xiaohongshu with xhs.getUserInfo', { xhs: createXhs({ hasGetUserInfo: true }).xhs }, true],
    ['xhs that is not an object', { xhs: 'xhs' }, false],
    ['no globals', {}, false],
  ])('tells whether %s is Xiaohongshu (%s)', (_variant, globals, expected) => {
    expect(xiaohongshu.detect(globals)).toBe(expected)
  })

  it('is the runtime detectRuntime() names for a host with only xhs (the registry order, src/runtimes.ts)', () => {
    expect(detectRuntime({ xhs: {} })).toBe('xiaohongshu')
  })
})

describe('xiaohongshu.request', () => {
  it('calls xhs.getUserInfo where it exists and hands the profile on', async () => {
    const sim = createXhs({ hasGetUserInfo: true, authorized: true })
    const settle = callbacks()
    expect(xiaohongshu.request({ xhs: sim.xhs }, {}, settle)).toBeUndefined()
    expect(sim.calls.map((call) => call.api)).toEqual(['getUserInfo'])
    await afterHost()
    expect(mappedAnswer(xiaohongshu, settle)).toStrictEqual(XHS_PROFILE)
  })

  it('returns UNSUPPORTED advising the getUserInfo button, without a native call, where xhs.getUserInfo is absent', async () => {
    const sim = createXhs()
    const settle = callbacks()
    const error = xiaohongshu.request({ xhs: sim.xhs }, {}, settle)
    expect(errorFields(error)).toMatchObject({ code: 'UNSUPPORTED', runtime: 'xiaohongshu' })
    expect(error?.message).toContain('open-type="getUserInfo"')
    await afterHost()
    expect(sim.calls).toEqual([])
    expect(settle.success).not.toHaveBeenCalled()
    expect(settle.fail).not.toHaveBeenCalled()
  })

  it('maps the detail of the getUserInfo button event, the path the advice names', () => {
    const sim = createXhs()
    expect(xiaohongshu.mapSuccess(sim.pressUserInfoButton('allow').detail)).toStrictEqual(XHS_PROFILE)
  })
})
