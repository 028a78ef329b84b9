// getAuthCode: `my.getAuthCode` with its Alipay+ contract on every runtime (issue 14, item 3).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getAuthCode, type AuthCodeFailResult, type AuthCodeSuccessResult, type GetAuthCodeOptions } from '../../src/index'
import { install, type SimulatedHost } from '../../testing/index'

let host: SimulatedHost | undefined
afterEach(() => host?.restore())

type Ended = { channel: 'success' | 'fail'; res: AuthCodeSuccessResult | AuthCodeFailResult; completed: unknown[] }

/** Calls getAuthCode like an Alipay page does, and resolves what reached success or fail, and complete. */
function callAuthCode(options: GetAuthCodeOptions = {}): { ended: Promise<Ended> } {
  const completed: unknown[] = []
  const ended = new Promise<Ended>((resolve) => {
    getAuthCode({
      ...options,
      success: (res) => resolve({ channel: 'success', res, completed }),
      fail: (res) => resolve({ channel: 'fail', res, completed }),
      complete: (res) => completed.push(res),
    })
  })
  return { ended }
}

describe('getAuthCode', () => {
  it("passes Alipay's own success through, scopes included", async () => {
    host = install('alipay')
    const { ended } = callAuthCode({ scopes: 'auth_base' })
    const { channel, res, completed } = await ended
    expect(channel).toBe('success')
    expect(res).toEqual({ authCode: 'my-getAuthCode-code-1', authErrorScopes: {}, authSuccessScopes: ['auth_base'] })
    await Promise.resolve()
    expect(completed).toEqual([res])
  })

  it("gives WeChat's login code as an auth_base authCode", async () => {
    host = install('wechat')
    const { res } = await callAuthCode().ended
    expect(res).toEqual({ authCode: 'wx-login-code-1', authErrorScopes: {}, authSuccessScopes: ['auth_base'] })
  })

  it("fails with Alipay's native error number and message on a refusal", async () => {
    host = install('alipay', { scenario: 'deny' })
    const { channel, res } = await callAuthCode({ scopes: 'auth_user' }).ended
    expect(channel).toBe('fail')
    expect(res).toEqual({ error: 11, errorMessage: '用户取消授权' })
  })

  it.each([
    ['a Douyin refusal', 'douyin', { scenario: 'deny' }, {}, 11],
    ['DingTalk without corpId', 'dingtalk', {}, {}, 2],
    ['a timeout', 'wechat', { override: { answers: 'never' } }, { timeout: 20 }, 3],
    ['a success without a code', 'qq', { scenario: 'malformed' }, {}, 10],
  ] as const)('fails %s with error %s and the library message', async (_variant, runtime, installOptions, options, error) => {
    host = install(runtime, installOptions)
    const { channel, res } = await callAuthCode(options).ended
    expect(channel).toBe('fail')
    expect(res).toMatchObject({ error, errorMessage: expect.stringContaining(`on ${runtime}`) })
  })

  it('calls back asynchronously even when validation fails at once', async () => {
    host = install('alipay')
    const fail = vi.fn()
    getAuthCode({ scopes: 42 as unknown as string, fail })
    expect(fail).not.toHaveBeenCalled()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(fail.mock.calls[0]?.[0]).toMatchObject({ error: 2 })
  })

  it('never throws into the caller, whatever the options', () => {
    host = install('alipay', { override: { answers: 'throw' } })
    expect(() => getAuthCode()).not.toThrow()
    expect(() => getAuthCode(null as unknown as GetAuthCodeOptions)).not.toThrow()
  })
})
