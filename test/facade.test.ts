import { afterEach, describe, expect, it, vi } from 'vitest'
import { detectRuntime, getUserProfile, UserProfileError, type OpenUserInfo } from '../src/index'
import { adapters } from '../src/runtimes'
import { alipayFailUserCancel, alipayWalletDocs, createMy, type MyScenario } from '../testing/my'
import { createWx, wechatProfile, type WxScenario } from '../testing/wx'

function installMy(scenario: MyScenario = {}, authorize = true) {
  const sim = createMy(scenario)
  if (authorize) sim.pressAuthorizeButton('allow')
  vi.stubGlobal('my', sim.my)
  return sim
}

function installWx(scenario: WxScenario = {}) {
  const sim = createWx(scenario)
  vi.stubGlobal('wx', sim.wx)
  vi.stubGlobal('__wxConfig', sim.wxConfig)
  return sim
}

const nativeCalls = (sim: { calls: { api: string }[] }, api: string) => sim.calls.filter((call) => call.api === api).length
const hostTurns = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms))

async function rejectionOf(promise: Promise<unknown>): Promise<UserProfileError> {
  const error = await promise.then(
    () => expect.fail('expected a rejection'),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(UserProfileError)
  return error as UserProfileError
}

/**
 * The reasons of the unhandled rejections raised while `run` and the host's answers ran. The test runner's own listener
 * would fail the run on a rejection a test expects, so it is set aside meanwhile.
 */
async function unhandledRejectionsOf(run: () => void): Promise<unknown[]> {
  const runnerListeners = process.listeners('unhandledRejection')
  process.removeAllListeners('unhandledRejection')
  const reasons: unknown[] = []
  const collect = (reason: unknown) => reasons.push(reason)
  process.on('unhandledRejection', collect)
  try {
    run()
    await hostTurns()
  } finally {
    process.off('unhandledRejection', collect)
    for (const listener of runnerListeners) process.on('unhandledRejection', listener)
  }
  return reasons
}

afterEach(() => {
  vi.useRealTimers()
})

describe('getUserProfile on Alipay', () => {
  it('resolves the documented profile once the authorize button was pressed', async () => {
    installMy()
    await expect(getUserProfile()).resolves.toEqual({
      code: '10000',
      msg: 'Success',
      avatar: 'https://cdn/images/partner/XXXXXXXX',
      gender: 'F',
      nationality: 'US',
      nickName: '',
    })
  })

  it('rejects AUTHORIZATION_REQUIRED with the native codes when the button was not pressed', async () => {
    installMy({}, false)
    const error = await rejectionOf(getUserProfile())
    expect(error).toMatchObject({ code: 'AUTHORIZATION_REQUIRED', runtime: 'alipay', nativeCode: '40003', subCode: 'isv.invalid-auth-relations' })
  })

  it('rejects INSUFFICIENT_PERMISSIONS when the feature package is not connected', async () => {
    installMy({ featureConnected: false })
    const error = await rejectionOf(getUserProfile())
    expect(error).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', nativeCode: '40006', subCode: 'isv.insufficient-isv-permissions' })
  })

  it('calls success then complete once each with the profile, and the promise gives the same object', async () => {
    installMy({ payload: alipayWalletDocs })
    const order: string[] = []
    const success = vi.fn((_info: OpenUserInfo) => order.push('success'))
    const complete = vi.fn(() => order.push('complete'))
    const fail = vi.fn()
    const info = await getUserProfile({ success, fail, complete })
    expect(order).toEqual(['success', 'complete'])
    expect(success).toHaveBeenCalledWith(info)
    expect(complete).toHaveBeenCalledWith(info)
    expect(fail).not.toHaveBeenCalled()
    expect(info).toMatchObject({ gender: 'M', nationality: 'SG' })
  })

  it('calls fail then complete once each with the same UserProfileError the promise rejects with', async () => {
    installMy({ failWith: alipayFailUserCancel })
    const fail = vi.fn()
    const complete = vi.fn()
    const error = await rejectionOf(getUserProfile({ fail, complete }))
    expect(error).toMatchObject({ code: 'USER_DENIED', nativeCode: 11, nativeMessage: '用户取消' })
    expect(fail).toHaveBeenCalledTimes(1)
    expect(fail).toHaveBeenCalledWith(error)
    expect(complete).toHaveBeenCalledWith(error)
  })

  it.each([
    ['answers twice', 'twice'],
    ['calls success and then fail', 'success-then-fail'],
  ] as const)('settles once when the host %s', async (_title, answers) => {
    installMy({ answers, failWith: alipayFailUserCancel })
    const success = vi.fn()
    const fail = vi.fn()
    const complete = vi.fn()
    const settled = getUserProfile({ success, fail, complete }).catch((error: unknown) => error)
    await hostTurns()
    const result = await settled
    expect(success.mock.calls.length + fail.mock.calls.length).toBe(1)
    expect(complete).toHaveBeenCalledTimes(1)
    expect(complete).toHaveBeenCalledWith(result)
  })

  it('rejects NATIVE_ERROR when the native API throws, without throwing synchronously', async () => {
    vi.stubGlobal('my', {
      getOpenUserInfo() {
        throw new TypeError('bridge is gone')
      },
    })
    let promise: Promise<OpenUserInfo> | undefined
    expect(() => {
      promise = getUserProfile()
    }).not.toThrow()
    const error = await rejectionOf(promise!)
    expect(error).toMatchObject({ code: 'NATIVE_ERROR', runtime: 'alipay', nativeMessage: 'bridge is gone' })
  })
})

describe('shared native call', () => {
  it('sends one native request for concurrent calls and gives every caller the same result', async () => {
    const sim = installMy({ latencyMs: 5 })
    const results = await Promise.all([getUserProfile(), getUserProfile(), getUserProfile({ desc: 'other' })])
    expect(nativeCalls(sim, 'getOpenUserInfo')).toBe(1)
    expect(results[1]).toEqual(results[0])
    expect(results[2]).toEqual(results[0])
  })

  it('sends a new native request once the previous one has settled', async () => {
    const sim = installMy()
    await getUserProfile()
    await getUserProfile()
    expect(nativeCalls(sim, 'getOpenUserInfo')).toBe(2)
  })

  it('rejects TIMEOUT when the host never answers, and the next call asks the host again', async () => {
    const sim = installMy({ answers: 'never' })
    const error = await rejectionOf(getUserProfile({ timeout: 10 }))
    expect(error).toMatchObject({ code: 'TIMEOUT', runtime: 'alipay' })
    await rejectionOf(getUserProfile({ timeout: 10 }))
    expect(nativeCalls(sim, 'getOpenUserInfo')).toBe(2)
  })

  it('times out one caller without cutting off another that waits longer', async () => {
    const sim = installMy({ latencyMs: 40 })
    const impatient = getUserProfile({ timeout: 5 })
    const patient = getUserProfile({ timeout: 1000 })
    expect((await rejectionOf(impatient)).code).toBe('TIMEOUT')
    await expect(patient).resolves.toMatchObject({ code: '10000', gender: 'F' })
    expect(nativeCalls(sim, 'getOpenUserInfo')).toBe(1)
  })

  it('applies a default timeout of two minutes', async () => {
    vi.useFakeTimers()
    installMy({ answers: 'never' })
    const outcome = getUserProfile().catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(119_999)
    let settled = false
    void outcome.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await outcome).toMatchObject({ code: 'TIMEOUT' })
  })
})

describe('timers', () => {
  const alipayAnswer = { response: JSON.stringify({ response: { code: '10000', msg: 'Success', nickName: 'Ana' } }) }
  const answeringMy = (deliver: (answer: () => void) => void) => ({
    getOpenUserInfo: (options: { success(res: object): void }) => deliver(() => options.success(alipayAnswer)),
  })

  it('holds one timer of its own while the host has not answered, and clears it on the answer', async () => {
    vi.useFakeTimers()
    installMy({ latencyMs: 50 })
    const outcome = getUserProfile()
    await vi.advanceTimersByTimeAsync(0)
    expect(vi.getTimerCount()).toBe(2) // the simulated host's answer and our timeout
    await vi.advanceTimersByTimeAsync(50)
    await expect(outcome).resolves.toMatchObject({ code: '10000' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it.each([
    ['synchronously', (answer: () => void) => answer()],
    ['from a microtask', (answer: () => void) => queueMicrotask(answer)],
  ])('arms no timer when the host answers %s', async (_title, deliver) => {
    vi.stubGlobal('my', answeringMy(deliver))
    const setTimer = vi.spyOn(globalThis, 'setTimeout')
    await expect(getUserProfile({ timeout: 1000 })).resolves.toMatchObject({ code: '10000', nickName: 'Ana' })
    await Promise.resolve()
    expect(setTimer).not.toHaveBeenCalled()
    setTimer.mockRestore()
  })

  it('waits for a timeout beyond the 32-bit timer limit instead of firing at once', async () => {
    vi.useFakeTimers()
    installMy({ answers: 'never' })
    let settled = false
    void getUserProfile({ timeout: 3e9 }).catch(() => (settled = true))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(2 ** 31)
    expect(settled).toBe(true)
  })

  it('still times out a host that answers a turn later than its timeout', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('my', answeringMy((answer) => setTimeout(answer, 20)))
    const outcome = getUserProfile({ timeout: 10 }).catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(10)
    expect(await outcome).toMatchObject({ code: 'TIMEOUT' })
  })
})

describe('system info', () => {
  it('asks again when the host could not answer the first time', () => {
    let fails = true
    const my = {
      getSystemInfoSync() {
        if (fails) throw new Error('bridge not ready')
        return { app: 'TB' }
      },
    }
    expect(detectRuntime({ my })).toBe('alipay') // no app name: any other `my` is Alipay
    fails = false
    expect(detectRuntime({ my })).toBe('taobao')
  })

  it('asks each host object for its system info once, not on every call', async () => {
    const first = installWx()
    for (let i = 0; i < 3; i++) await first.tap(() => getUserProfile())
    expect(nativeCalls(first, 'getSystemInfoSync')).toBe(1)
    expect(nativeCalls(first, 'getUserProfile')).toBe(3)
    const second = installWx() // a new host object (another test, another app) is asked again
    await second.tap(() => getUserProfile())
    expect(nativeCalls(second, 'getSystemInfoSync')).toBe(1)
  })
})

describe('caller callbacks', () => {
  it('keeps the promise resolved when success throws, and reports the throw to the host as uncaught', async () => {
    vi.useFakeTimers()
    installMy()
    const boom = new Error('caller bug')
    const promise = getUserProfile({
      success: () => {
        throw boom
      },
    })
    // The host answers, our callback throws, and the throw resurfaces from a timer of its own.
    await expect(vi.advanceTimersByTimeAsync(1)).rejects.toBe(boom)
    await expect(promise).resolves.toMatchObject({ code: '10000' })
  })

  it.each([
    ['fail', { fail: () => undefined }],
    ['complete', { complete: () => undefined }],
  ])('raises no unhandled rejection when the caller passed %s', async (_name, callbacks) => {
    installMy({ failWith: alipayFailUserCancel })
    const unhandled = await unhandledRejectionsOf(() => void getUserProfile(callbacks))
    expect(unhandled).toEqual([])
  })

  it.each([
    ['only success', { success: () => undefined }, 'USER_DENIED'],
    ['a fail that is not a function', { fail: 'later' }, 'INVALID_OPTIONS'],
    ['a complete that is not a function', { complete: 1 }, 'INVALID_OPTIONS'],
  ])('still raises an unhandled rejection when the caller passed %s', async (_name, options, code) => {
    installMy({ failWith: alipayFailUserCancel })
    const unhandled = await unhandledRejectionsOf(() => void getUserProfile(options as never))
    expect(unhandled).toHaveLength(1)
    expect(unhandled[0]).toMatchObject({ code })
  })

  it('leaves the options object untouched', async () => {
    installMy()
    const options = Object.freeze({ desc: 'Show your avatar', timeout: 1000, success: () => undefined })
    await expect(getUserProfile(options)).resolves.toMatchObject({ code: '10000' })
    expect(options).toEqual({ desc: 'Show your avatar', timeout: 1000, success: options.success })
  })
})

describe('invalid options', () => {
  it.each([
    ['a string instead of an object', 'please'],
    ['a negative timeout', { timeout: -1 }],
    ['a NaN timeout', { timeout: Number.NaN }],
    ['a zero timeout', { timeout: 0 }],
    ['a non-string desc', { desc: 42 }],
    ['a success that is not a function', { success: 'yes' }],
  ])('rejects INVALID_OPTIONS for %s without calling the host', async (_title, options) => {
    const sim = installMy()
    const error = await rejectionOf(getUserProfile(options as never))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(nativeCalls(sim, 'getOpenUserInfo')).toBe(0)
  })

  it('still calls fail and complete for invalid options', async () => {
    installMy()
    const fail = vi.fn()
    const complete = vi.fn()
    await rejectionOf(getUserProfile({ timeout: -5, fail, complete }))
    expect(fail.mock.calls[0]?.[0]).toMatchObject({ code: 'INVALID_OPTIONS' })
    expect(complete).toHaveBeenCalledTimes(1)
  })
})

describe('no runtime', () => {
  it('rejects UNSUPPORTED naming what it saw and the adapters in this build', async () => {
    vi.stubGlobal('wx', { getUserProfile: () => undefined }) // a bare `wx` without WeChat's __wxConfig
    const error = await rejectionOf(getUserProfile())
    expect(error).toMatchObject({ code: 'UNSUPPORTED', runtime: null })
    expect(error.message).toContain('globals seen: wx')
    expect(error.message).toContain(adapters.map((adapter) => adapter.runtime).join(', ')) // the registry, in detection order
  })

  it('says no globals were seen on a bare host', async () => {
    const error = await rejectionOf(getUserProfile())
    expect(error.message).toContain('globals seen: none')
  })
})

describe('getUserProfile on WeChat', () => {
  it('calls wx.getUserProfile synchronously inside the tap and resolves the profile', async () => {
    const sim = installWx({ userInfo: wechatProfile.userInfo })
    const promise = sim.tap(() => {
      const pending = getUserProfile({ desc: 'Show your avatar' })
      expect(nativeCalls(sim, 'getUserProfile')).toBe(1) // before the tap handler returns
      return pending
    })
    await expect(promise).resolves.toMatchObject({ code: '10000', msg: 'Success', gender: 'F', nickName: wechatProfile.userInfo.nickName })
    expect(sim.calls.find((call) => call.api === 'getUserProfile')?.options).toMatchObject({ desc: 'Show your avatar' })
  })

  it('rejects NOT_USER_GESTURE when called after an await inside the tap handler', async () => {
    const sim = installWx()
    const promise = sim.tap(async () => {
      await Promise.resolve()
      return getUserProfile()
    })
    expect((await rejectionOf(promise)).code).toBe('NOT_USER_GESTURE')
  })

  it.each([
    ['a denial', { choice: 'deny' }, 'USER_DENIED'],
    ['privacy not accepted (104)', { privacy: 'not-accepted' }, 'PRIVACY_NOT_AUTHORIZED'],
    ['privacy scope not declared (112)', { privacy: 'not-declared' }, 'PRIVACY_NOT_AUTHORIZED'],
  ] as const)('maps %s to %s', async (_variant, scenario, code) => {
    const sim = installWx(scenario)
    const error = await rejectionOf(sim.tap(() => getUserProfile()))
    expect(error).toMatchObject({ code, runtime: 'wechat' })
  })

  it('rejects INVALID_OPTIONS for a desc over 30 characters before any native call', async () => {
    const sim = installWx()
    const error = await rejectionOf(sim.tap(() => getUserProfile({ desc: 'x'.repeat(31) })))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(nativeCalls(sim, 'getUserProfile')).toBe(0)
  })

  it('rejects UNSUPPORTED when wx.getUserProfile is missing', async () => {
    const sim = installWx({ hasGetUserProfile: false })
    expect((await rejectionOf(sim.tap(() => getUserProfile()))).code).toBe('UNSUPPORTED')
  })
})
