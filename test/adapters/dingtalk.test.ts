// DingTalk (`dd`, or `my` with app "DINGTALK"): no client profile API, only dd.getAuthCode (platforms.md §11).
import { describe, expect, it } from 'vitest'
import { adapter as dingtalk } from '../../adapters/dingtalk'
import { getAuthorizeButton } from '../../src/facade'
import { createDd, dingtalkAuthCode, dingtalkCorpIdRequired } from '../../testing/dd'
import { createMy } from '../../testing/my'
import { createTaobao } from '../../testing/taobao'
import { afterHost, callbacks, deepFreeze, errorFields, itIsTotal } from './helpers'

describe('dingtalk.detect', () => {
  it.each([
    ['DingTalk (dd and my)', { dd: createDd().dd, my: createDd().my }, true],
    ['dd alone', { dd: createDd().dd }, true],
    ['my alone with app DINGTALK', { my: createDd().my }, true],
    ['my with app dingtalk (lower case)', { my: createMy({ app: 'dingtalk' }).my }, true],
    ['Alipay (app alipay)', { my: createMy().my }, false],
    ['Taobao (app TB)', { my: createTaobao().my }, false],
    ['no globals', {}, false],
  ])('tells whether %s is DingTalk (%s)', (_variant, globals, expected) => {
    expect(dingtalk.detect(globals)).toBe(expected)
  })
})

describe('dingtalk.request', () => {
  it('returns UNSUPPORTED naming dd.getAuthCode, with no native call on dd or my', async () => {
    const sim = createDd()
    const settle = callbacks()
    const error = dingtalk.request({ dd: sim.dd, my: sim.my }, { desc: 'Show your avatar', force: true }, settle)
    expect(errorFields(error)).toMatchObject({ code: 'UNSUPPORTED', runtime: 'dingtalk' })
    expect(error?.message).toContain('dd.getAuthCode')
    await afterHost()
    expect(sim.calls).toEqual([])
    expect(settle.success).not.toHaveBeenCalled()
    expect(settle.fail).not.toHaveBeenCalled()
  })
})

describe('dingtalk consent control', () => {
  it('has no authorizeButton, so getAuthorizeButton gives none', () => {
    expect(dingtalk.authorizeButton).toBeUndefined()
    expect(getAuthorizeButton([dingtalk], 'dingtalk')).toBeNull()
  })
})

describe('dingtalk mappers', () => {
  // Never reached (no native call), so every payload, the DingTalk fixtures included, reads as UNSUPPORTED.
  it.each([
    ['getAuthCode success (§11)', dingtalkAuthCode],
    ['"corpId is required" failure (§11)', dingtalkCorpIdRequired],
    ['null', null],
    ['a WeChat-like userInfo', deepFreeze({ userInfo: { nickName: 'XXX' } })],
  ])('map the %s to UNSUPPORTED without changing it', (_variant, raw) => {
    const before = structuredClone(raw)
    expect(errorFields(dingtalk.mapSuccess(raw))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'dingtalk' })
    expect(errorFields(dingtalk.mapFailure(raw))).toMatchObject({ code: 'UNSUPPORTED', runtime: 'dingtalk' })
    expect(raw).toStrictEqual(before)
  })

  itIsTotal(dingtalk)
})
