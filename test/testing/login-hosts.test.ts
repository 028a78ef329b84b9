// The kit's login calls (issue 14, item 4), called directly on the installed globals: the host's side only, no library.
import { afterEach, describe, expect, it } from 'vitest'
import { install, SIMULATED_RUNTIMES as ALL_RUNTIMES, type HostAnswers, type Scenario, type SimulatedHost, type SimulatedRuntime } from '../../testing/index'

// The hosts whose login is a callback API with a code (Telegram's initData, LINE's ID token, VK's launch parameters: test/login/web-hosts.test.ts).
type CodeHost = Exclude<SimulatedRuntime, 'telegram' | 'line' | 'vk'>
const SIMULATED_RUNTIMES = ALL_RUNTIMES.filter((runtime): runtime is CodeHost => runtime !== 'telegram' && runtime !== 'line' && runtime !== 'vk')

let host: SimulatedHost | undefined
afterEach(() => host?.restore())

const LOGIN: Record<CodeHost, readonly [string, string]> = {
  alipay: ['my', 'getAuthCode'],
  taobao: ['my', 'getAuthCode'],
  dingtalk: ['dd', 'getAuthCode'],
  wechat: ['wx', 'login'],
  douyin: ['tt', 'login'],
  feishu: ['tt', 'requestAccess'],
  qq: ['qq', 'login'],
  baidu: ['swan', 'login'],
  kuaishou: ['ks', 'login'],
  jd: ['jd', 'login'],
  xiaohongshu: ['xhs', 'login'],
}

/** Calls the host's login API on `globals` and collects what reaches success, fail and complete within 30 ms. */
async function callLogin(globals: Record<string, unknown>, runtime: CodeHost, options: object = {}) {
  const [name, api] = LOGIN[runtime]
  const received: [string, unknown][] = []
  const record = (channel: string) => (res: unknown) => received.push([channel, res])
  const fields = runtime === 'dingtalk' ? { corpId: 'ding-corp', ...options } : options
  ;(globals[name] as Record<string, (options: object) => void>)[api]!({ ...fields, success: record('success'), fail: record('fail'), complete: record('complete') })
  await new Promise((resolve) => setTimeout(resolve, 30))
  return received
}

function installOn(runtime: CodeHost, scenario: Scenario = 'grant', answers?: HostAnswers) {
  const globals: Record<string, unknown> = {}
  host = install(runtime, { globals, scenario, override: answers ? { answers } : undefined })
  return globals
}

describe.each(SIMULATED_RUNTIMES)('the %s login call', (runtime) => {
  it('answers each call with a new code, asynchronously, then complete with the same res', async () => {
    const globals = installOn(runtime)
    const first = await callLogin(globals, runtime)
    const second = await callLogin(globals, runtime)
    expect(first.map(([channel]) => channel)).toEqual(['success', 'complete'])
    expect(first[1]![1]).toEqual(first[0]![1])
    expect(JSON.stringify(second[0]![1])).not.toBe(JSON.stringify(first[0]![1]))
    expect(host!.calls.filter((call) => call.api === LOGIN[runtime][1])).toHaveLength(2)
  })

  it('never answers under answers: never, and answers twice under twice', async () => {
    expect(await callLogin(installOn(runtime, 'grant', 'never'), runtime)).toEqual([])
    host!.restore()
    expect((await callLogin(installOn(runtime, 'grant', 'twice'), runtime)).filter(([channel]) => channel === 'success')).toHaveLength(2)
  })

  it('throws synchronously under answers: throw, as a broken bridge', () => {
    const globals = installOn(runtime, 'grant', 'throw')
    const [name, api] = LOGIN[runtime]
    expect(() => (globals[name] as Record<string, (options: object) => void>)[api]!({ corpId: 'c' })).toThrow('simulated bridge failure')
  })
})

describe('refusals', () => {
  it.each([
    ['alipay', { scopes: 'auth_user' }, { error: 11, errorMessage: '用户取消授权' }],
    ['taobao', { scopes: ['auth_user'] }, { error: 11, errorMessage: '用户取消授权' }],
    ['douyin', {}, { errMsg: 'login:fail cancel' }],
    ['feishu', {}, { errMsg: 'requestAccess:fail user cancel' }],
    ['baidu', {}, { errMsg: 'login:fail auth deny' }],
  ] as const)('%s refuses %j in the deny scenario', async (runtime, options, refusal) => {
    const [first] = await callLogin(installOn(runtime, 'deny'), runtime, options)
    expect(first).toEqual(['fail', refusal])
  })

  it('Alipay gives auth_base silently, even in deny', async () => {
    const [first] = await callLogin(installOn('alipay', 'deny'), 'alipay', { scopes: 'auth_base' })
    expect(first?.[0]).toBe('success')
  })

  it('DingTalk refuses a call without corpId', async () => {
    const globals = installOn('dingtalk')
    const received: unknown[] = []
    ;(globals.dd as { getAuthCode(options: object): void }).getAuthCode({ fail: (res: unknown) => received.push(res) })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(received).toEqual([{ error: 2, errorMessage: 'corpId is required' }])
  })
})
