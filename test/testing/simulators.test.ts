// The simulators are test infrastructure: these specs pin them to the documented host rules (platforms.md §1, §2, §3)
// so a facade test that passes against them passes for the documented reason.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { alipay40003, alipay40006, alipayDocumented, alipayFailNetwork, alipayWalletDocs, createMy } from '../../testing/my'
import { hostName } from '../../testing/index'
import { createWx, wechatAnonymized, wechatAuthDeny, wechatDescLength, wechatNotTap, wechatPrivacy104, wechatPrivacy112, wechatProfile } from '../../testing/wx'

type Event = readonly ['success' | 'fail' | 'complete', unknown]

/** Options whose callbacks log every host answer, in order. */
function recorder(extra: object = {}): { options: object; events: Event[] } {
  const events: Event[] = []
  const options = {
    ...extra,
    success: (res: unknown) => events.push(['success', res]),
    fail: (res: unknown) => events.push(['fail', res]),
    complete: (res: unknown) => events.push(['complete', res]),
  }
  return { options, events }
}

/** Resolves after every host timer scheduled so far with a delay up to `ms` has fired. */
const afterHost = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms + 5))

const goodDesc = { desc: 'Show your avatar on your card' }

afterEach(() => {
  vi.useRealTimers()
})

it.each([
  ['alipay', 'Alipay'],
  ['wechat', 'WeChat'],
] as const)('names %s as users know it (the playground label)', (runtime, name) => {
  expect(hostName(runtime)).toBe(name)
})

describe('my simulator (Alipay / Alipay+)', () => {
  it('answers 40003 in success before the user has pressed the authorize button', async () => {
    const sim = createMy()
    const { options, events } = recorder()
    sim.my.getOpenUserInfo?.(options)
    await afterHost()
    expect(events).toEqual([
      ['success', alipay40003],
      ['complete', alipay40003],
    ])
  })

  it('answers 40006 in success when the feature package is not connected, even after authorisation', async () => {
    const sim = createMy({ featureConnected: false })
    sim.pressAuthorizeButton()
    const { options, events } = recorder()
    sim.my.getOpenUserInfo?.(options)
    await afterHost()
    expect(events[0]).toEqual(['success', alipay40006])
  })

  it('delivers the documented payload once the user has allowed through the button', async () => {
    const sim = createMy()
    expect(sim.pressAuthorizeButton()).toEqual({ type: 'getAuthorize', detail: {} })
    expect(sim.authorized).toBe(true)
    const { options, events } = recorder()
    sim.my.getOpenUserInfo?.(options)
    await afterHost()
    expect(events).toEqual([
      ['success', alipayDocumented],
      ['complete', alipayDocumented],
    ])
  })

  it('delivers the scenario payload as a fresh copy, never the fixture object itself', async () => {
    const sim = createMy({ payload: alipayWalletDocs })
    sim.pressAuthorizeButton('allow')
    const { options, events } = recorder()
    sim.my.getOpenUserInfo?.(options)
    await afterHost()
    expect(events[0]?.[1]).toEqual(alipayWalletDocs)
    expect(events[0]?.[1]).not.toBe(alipayWalletDocs)
  })

  it('returns the onError event and keeps answering 40003 when the user denies', async () => {
    const sim = createMy()
    expect(sim.pressAuthorizeButton('deny')).toEqual({
      type: 'error',
      detail: { type: 'getAuthorize', errorMessage: '用户取消授权' },
    })
    expect(sim.authorized).toBe(false)
    const { options, events } = recorder()
    sim.my.getOpenUserInfo?.(options)
    await afterHost()
    expect(events[0]).toEqual(['success', alipay40003])
  })

  it('calls fail and then complete with failWith for an authorised call', async () => {
    const sim = createMy({ failWith: alipayFailNetwork })
    sim.pressAuthorizeButton()
    const { options, events } = recorder()
    sim.my.getOpenUserInfo?.(options)
    await afterHost()
    expect(events).toEqual([
      ['fail', alipayFailNetwork],
      ['complete', alipayFailNetwork],
    ])
  })

  it('never answers synchronously and waits latencyMs', () => {
    vi.useFakeTimers()
    const sim = createMy({ latencyMs: 100 })
    const { options, events } = recorder()
    sim.my.getOpenUserInfo?.(options)
    expect(events).toEqual([])
    vi.advanceTimersByTime(99)
    expect(events).toEqual([])
    vi.advanceTimersByTime(1)
    expect(events).toHaveLength(2)
  })

  it.each([
    ['twice', ['success', 'complete', 'success', 'complete']],
    ['success-then-fail', ['success', 'complete', 'fail', 'complete']],
    ['never', []],
  ] as const)('answers %s when the host is told to', async (answers, expected) => {
    const sim = createMy({ answers })
    sim.pressAuthorizeButton()
    const { options, events } = recorder()
    sim.my.getOpenUserInfo?.(options)
    await afterHost()
    expect(events.map(([kind]) => kind)).toEqual(expected)
  })

  it('leaves getOpenUserInfo out and says so through canIUse on an old base library', () => {
    const sim = createMy({ hasGetOpenUserInfo: false })
    expect('getOpenUserInfo' in sim.my).toBe(false)
    expect(sim.my.canIUse('getOpenUserInfo')).toBe(false)
    expect(createMy().my.canIUse('getOpenUserInfo')).toBe(true)
  })

  it('reports the scenario app from getSystemInfoSync, alipay by default', () => {
    expect(createMy().my.getSystemInfoSync().app).toBe('alipay')
    expect(createMy({ app: 'DINGTALK' }).my.getSystemInfoSync().app).toBe('DINGTALK')
  })

  it('reports the grant through getSetting authSetting.userInfo', async () => {
    const sim = createMy()
    sim.pressAuthorizeButton()
    const { options, events } = recorder()
    sim.my.getSetting(options)
    await afterHost()
    expect(events[0]).toEqual(['success', { authSetting: { userInfo: true } }])
  })

  it('records every native call in order with the options object as received', () => {
    const sim = createMy()
    const { options } = recorder()
    sim.my.getSystemInfoSync()
    sim.my.getOpenUserInfo?.(options)
    expect(sim.calls.map((call) => call.api)).toEqual(['getSystemInfoSync', 'getOpenUserInfo'])
    expect(sim.calls[1]?.options).toBe(options)
  })
})

describe('wx simulator (WeChat)', () => {
  it('fails with the TAP gesture errMsg when called outside a tap', async () => {
    const sim = createWx()
    const { options, events } = recorder(goodDesc)
    sim.wx.getUserProfile?.(options)
    await afterHost()
    expect(events).toEqual([
      ['fail', wechatNotTap],
      ['complete', wechatNotTap],
    ])
  })

  it('grants the anonymised profile by default when called inside a tap', async () => {
    const sim = createWx()
    const { options, events } = recorder(goodDesc)
    sim.tap(() => sim.wx.getUserProfile?.(options))
    await afterHost()
    expect(events[0]).toEqual(['success', wechatAnonymized])
  })

  it('grants the scenario userInfo with rawData as its JSON', async () => {
    const sim = createWx({ userInfo: wechatProfile.userInfo })
    const { options, events } = recorder(goodDesc)
    sim.tap(() => sim.wx.getUserProfile?.(options))
    await afterHost()
    expect(events[0]).toEqual(['success', wechatProfile])
  })

  it('treats a call after await inside the tap handler as outside the tap', async () => {
    const sim = createWx()
    const { options, events } = recorder(goodDesc)
    await sim.tap(async () => {
      await Promise.resolve()
      sim.wx.getUserProfile?.(options)
    })
    await afterHost()
    expect(events[0]).toEqual(['fail', wechatNotTap])
  })

  it('treats a call from a timer started in the tap as outside the tap', async () => {
    const sim = createWx()
    const { options, events } = recorder(goodDesc)
    sim.tap(() => setTimeout(() => sim.wx.getUserProfile?.(options), 0))
    await afterHost(5)
    expect(events[0]).toEqual(['fail', wechatNotTap])
  })

  it('ends the gesture when the tap handler throws', async () => {
    const sim = createWx()
    expect(() => sim.tap(() => { throw new Error('handler bug') })).toThrow('handler bug')
    const { options, events } = recorder(goodDesc)
    sim.wx.getUserProfile?.(options)
    await afterHost()
    expect(events[0]).toEqual(['fail', wechatNotTap])
  })

  it.each([
    ['a missing desc', {}, wechatDescLength],
    ['an empty desc', { desc: '' }, wechatDescLength],
    ['a 31-character desc', { desc: 'x'.repeat(31) }, wechatDescLength],
    ['a non-string desc', { desc: 12 }, wechatDescLength],
    ['a 30-character desc', { desc: 'x'.repeat(30) }, wechatAnonymized],
  ])('answers %s inside a tap as the desc rule says', async (_variant, extra, expected) => {
    const sim = createWx()
    const { options, events } = recorder(extra)
    sim.tap(() => sim.wx.getUserProfile?.(options))
    await afterHost()
    expect(events[0]?.[1]).toEqual(expected)
  })

  it.each([
    ['the user denies', { choice: 'deny' }, wechatAuthDeny],
    ['the privacy agreement is not accepted (104)', { privacy: 'not-accepted' }, wechatPrivacy104],
    ['the scope is not declared in the privacy agreement (112)', { privacy: 'not-declared' }, wechatPrivacy112],
  ] as const)('fails the in-tap call when %s', async (_variant, scenario, expected) => {
    const sim = createWx(scenario)
    const { options, events } = recorder(goodDesc)
    sim.tap(() => sim.wx.getUserProfile?.(options))
    await afterHost()
    expect(events).toEqual([
      ['fail', expected],
      ['complete', expected],
    ])
  })

  it.each([
    ['twice', ['success', 'complete', 'success', 'complete']],
    ['success-then-fail', ['success', 'complete', 'fail', 'complete']],
    ['never', []],
  ] as const)('answers %s when the host is told to', async (answers, expected) => {
    const sim = createWx({ answers })
    const { options, events } = recorder(goodDesc)
    sim.tap(() => sim.wx.getUserProfile?.(options))
    await afterHost()
    expect(events.map(([kind]) => kind)).toEqual(expected)
  })

  it('never answers synchronously and waits latencyMs', () => {
    vi.useFakeTimers()
    const sim = createWx({ latencyMs: 50 })
    const { options, events } = recorder(goodDesc)
    sim.tap(() => sim.wx.getUserProfile?.(options))
    expect(events).toEqual([])
    vi.advanceTimersByTime(49)
    expect(events).toEqual([])
    vi.advanceTimersByTime(1)
    expect(events).toHaveLength(2)
  })

  it('leaves getUserProfile out below base library 2.10.4', () => {
    const sim = createWx({ hasGetUserProfile: false })
    expect('getUserProfile' in sim.wx).toBe(false)
    expect(sim.wx.canIUse('getUserProfile')).toBe(false)
    expect(createWx().wx.canIUse('getUserProfile')).toBe(true)
  })

  it('exposes a develop __wxConfig and records calls with the options object as received', () => {
    const sim = createWx()
    const { options } = recorder(goodDesc)
    sim.tap(() => sim.wx.getUserProfile?.(options))
    expect(sim.wxConfig).toEqual({ envVersion: 'develop' })
    expect(sim.calls).toEqual([{ api: 'getUserProfile', options }])
    expect(sim.calls[0]?.options).toBe(options)
  })
})
