import { describe, expect, it, vi } from 'vitest'
import { getOpenUserInfo, type GetOpenUserInfoOptions, type OpenUserInfoFailResult, type OpenUserInfoSuccessResult } from '../src/index'
import { alipay40003, alipay40006, alipayFailUserCancel, alipayWalletDocs, createMy, type MyScenario } from '../testing/my'
import { createWx } from '../testing/wx'

type Ended = { kind: 'success'; res: OpenUserInfoSuccessResult } | { kind: 'fail'; res: OpenUserInfoFailResult }

/** Calls the polyfill and waits for complete, checking it got the same res as success or fail. */
function callPolyfill(options: Omit<GetOpenUserInfoOptions, 'success' | 'fail' | 'complete'> = {}, call = getOpenUserInfo) {
  return new Promise<Ended>((resolve, reject) => {
    let ended: Ended | undefined
    call({
      ...options,
      success: (res) => (ended = { kind: 'success', res }),
      fail: (res) => (ended = { kind: 'fail', res }),
      complete: (res) => (ended && ended.res === res ? resolve(ended) : reject(new Error('complete without the same res'))),
    })
  })
}

function installMy(scenario: MyScenario = {}, authorize = true) {
  const sim = createMy(scenario)
  if (authorize) sim.pressAuthorizeButton('allow')
  vi.stubGlobal('my', sim.my)
  return sim
}

const innerOf = (res: { response: string }): unknown => JSON.parse(res.response).response

describe('getOpenUserInfo polyfill', () => {
  it('passes the normalized profile as the double-encoded JSON that Alipay+ documents', async () => {
    installMy({ payload: alipayWalletDocs })
    const ended = await callPolyfill()
    expect(ended.kind).toBe('success')
    expect(Object.keys(ended.res)).toEqual(['response'])
    expect(innerOf(ended.res as OpenUserInfoSuccessResult)).toEqual({
      code: '10000',
      msg: 'Success',
      avatar: expect.stringMatching(/^https:/),
      gender: 'M',
      nationality: 'SG',
      nickName: expect.any(String),
    })
  })

  it.each([
    ['40006 (feature not connected)', { featureConnected: false }, true, alipay40006],
    ['40003 (not authorised)', {}, false, alipay40003],
  ] as const)('hands %s to success with the native JSON, as Alipay does', async (_title, scenario, authorize, fixture) => {
    installMy(scenario, authorize)
    const ended = await callPolyfill()
    expect(ended.kind).toBe('success')
    expect(innerOf(ended.res as OpenUserInfoSuccessResult)).toEqual(innerOf(fixture))
  })

  it('passes a native fail through with its own error number and message', async () => {
    installMy({ failWith: alipayFailUserCancel })
    const ended = await callPolyfill()
    expect(ended).toEqual({ kind: 'fail', res: { error: 11, errorMessage: '用户取消' } })
  })

  it('gives WeChat denials the Alipay cancel number and an explaining message', async () => {
    const sim = createWx({ choice: 'deny' })
    vi.stubGlobal('wx', sim.wx)
    vi.stubGlobal('__wxConfig', sim.wxConfig)
    const ended = await sim.tap(() => callPolyfill())
    expect(ended.kind).toBe('fail')
    expect(ended.res).toMatchObject({ error: 11, errorMessage: expect.stringContaining('USER_DENIED') })
    expect(Object.keys(ended.res).sort()).toEqual(['error', 'errorMessage'])
  })

  it.each([
    ['a timeout', { timeout: 5 }, { answers: 'never' }, 3, 'TIMEOUT'],
    ['invalid options', { timeout: -1 }, {}, 2, 'INVALID_OPTIONS'],
  ] as const)('reports %s through fail with an Alipay error number', async (_title, options, scenario, error, code) => {
    installMy(scenario)
    const ended = await callPolyfill(options)
    expect(ended).toEqual({ kind: 'fail', res: { error, errorMessage: expect.stringContaining(code) } })
  })

  it('reports no runtime as error 1 (interface not supported)', async () => {
    const ended = await callPolyfill()
    expect(ended).toEqual({ kind: 'fail', res: { error: 1, errorMessage: expect.stringContaining('UNSUPPORTED') } })
  })

  it('calls back asynchronously even when it fails at once, and never throws', async () => {
    const fail = vi.fn()
    expect(() => getOpenUserInfo({ timeout: -1, fail })).not.toThrow()
    expect(fail).not.toHaveBeenCalled()
    await Promise.resolve()
    await Promise.resolve()
    expect(fail).toHaveBeenCalledTimes(1)
  })

  it('returns nothing, like the native API', () => {
    installMy()
    expect(getOpenUserInfo()).toBeUndefined()
  })
})
