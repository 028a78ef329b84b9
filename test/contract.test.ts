// The facade contract, run against every runtime through its host simulator: one parametrised suite.
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import * as library from '../src/index'
import { fromAuthorizeError, getOpenUserInfo, getUserProfile, isPlaceholderProfile, UserProfileError, type ErrorCode, type OpenUserInfo, type RuntimeName } from '../src/index'
import { ensureBuilt } from './build/dist'
import type { HostAnswers, NativeCall, UserChoice } from '../testing/host'
import { createJd } from '../testing/jd'
import { createKs } from '../testing/ks'
import { createMy } from '../testing/my'
import { createQq } from '../testing/qq'
import { createSwan } from '../testing/swan'
import { createTaobao } from '../testing/taobao'
import { createTt } from '../testing/tt'
import { createWx } from '../testing/wx'
import { createXhs } from '../testing/xhs'
import { createDd } from '../testing/dd'

interface Knobs {
  answers?: HostAnswers
  latencyMs?: number
  choice?: UserChoice
}

/** A page on one host: the user consents the way that runtime asks, and `call` runs where the runtime demands. */
interface Page {
  consentAndCall<T>(call: () => T): T
  calls: NativeCall[]
  /** The host object and the first native API a call makes, to count and to break it. */
  host: object
  api: string
}

interface Harness {
  runtime: RuntimeName
  install(knobs: Knobs): Page
  /** What a refusal ends in on this runtime: an error code, or the documented placeholder profile. */
  refusal: ErrorCode | 'placeholder'
}

const stub = (globals: Record<string, unknown>) => {
  for (const [name, value] of Object.entries(globals)) vi.stubGlobal(name, value)
}

// A host whose consent comes from a getUserInfo button pressed before the call (QQ, Baidu, Kuaishou, JD, Xiaohongshu).
function buttonHost<S extends { pressUserInfoButton(choice?: UserChoice): unknown; calls: NativeCall[] }>(
  global: string,
  create: (knobs: Knobs) => S,
  hostOf: (sim: S) => object,
) {
  return (knobs: Knobs): Page => {
    const sim = create(knobs)
    stub({ [global]: hostOf(sim) })
    return {
      consentAndCall: (call) => {
        sim.pressUserInfoButton(knobs.choice ?? 'allow')
        return call()
      },
      calls: sim.calls,
      host: hostOf(sim),
      api: 'getUserInfo',
    }
  }
}

const harnesses: Harness[] = [
  {
    runtime: 'alipay',
    refusal: 'USER_DENIED',
    install(knobs) {
      const sim = createMy(knobs)
      stub({ my: sim.my })
      return {
        // A refusal happens at the button: the page turns its onError event into the error and makes no call.
        consentAndCall: (call) => {
          const event = sim.pressAuthorizeButton(knobs.choice ?? 'allow')
          return (event.type === 'error' ? Promise.reject(fromAuthorizeError(event)) : call()) as ReturnType<typeof call>
        },
        calls: sim.calls,
        host: sim.my,
        api: 'getOpenUserInfo',
      }
    },
  },
  {
    runtime: 'wechat',
    refusal: 'USER_DENIED',
    install(knobs) {
      const sim = createWx(knobs)
      stub({ wx: sim.wx, __wxConfig: sim.wxConfig })
      return { consentAndCall: (call) => sim.tap(call), calls: sim.calls, host: sim.wx, api: 'getUserProfile' }
    },
  },
  {
    runtime: 'douyin',
    refusal: 'USER_DENIED',
    install(knobs) {
      const sim = createTt({ ...knobs, appName: 'Douyin' })
      stub({ tt: sim.tt })
      return { consentAndCall: (call) => sim.tap(call), calls: sim.calls, host: sim.tt, api: 'getUserProfile' }
    },
  },
  {
    runtime: 'feishu',
    refusal: 'USER_DENIED',
    install(knobs) {
      const sim = createTt({ ...knobs, appName: 'Feishu' })
      stub({ tt: sim.tt })
      return { consentAndCall: (call) => sim.tap(call), calls: sim.calls, host: sim.tt, api: 'getUserInfo' }
    },
  },
  { runtime: 'qq', refusal: 'AUTHORIZATION_REQUIRED', install: buttonHost('qq', createQq, (sim) => sim.qq) },
  { runtime: 'baidu', refusal: 'placeholder', install: buttonHost('swan', createSwan, (sim) => sim.swan) },
  { runtime: 'kuaishou', refusal: 'USER_DENIED', install: buttonHost('ks', createKs, (sim) => sim.ks) },
  { runtime: 'jd', refusal: 'USER_DENIED', install: buttonHost('jd', createJd, (sim) => sim.jd) },
  {
    runtime: 'xiaohongshu',
    refusal: 'USER_DENIED',
    install: buttonHost('xhs', (knobs) => createXhs({ ...knobs, hasGetUserInfo: true }), (sim) => sim.xhs),
  },
  {
    runtime: 'taobao',
    refusal: 'USER_DENIED',
    install(knobs) {
      const sim = createTaobao(knobs)
      stub({ my: sim.my })
      // The host's own authorisation popup is the consent step, inside the call; my.authorize is its first native call.
      return { consentAndCall: (call) => call(), calls: sim.calls, host: sim.my, api: 'authorize' }
    },
  },
]

const countCalls = (page: Page) => page.calls.filter((call) => call.api === page.api).length
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (info) => ({ info }),
    (error: unknown) => ({ error }),
  )
const hostTurns = () => new Promise((done) => setTimeout(done, 20))

function expectProfile(info: OpenUserInfo): void {
  expect(Object.keys(info).sort()).toEqual(['avatar', 'code', 'gender', 'msg', 'nationality', 'nickName'])
  expect(info.code).toBe('10000')
  expect(info.avatar).toMatch(/^https?:\/\//) // every simulated host shares an avatar on a grant
}

describe.each(harnesses)('contract on $runtime', ({ runtime, install, refusal }) => {
  it('detects the runtime from its host globals', () => {
    install({})
    expect(library.detectRuntime()).toBe(runtime)
  })

  it('resolves a normalized profile after the user consents', async () => {
    const page = install({})
    expectProfile(await page.consentAndCall(() => getUserProfile()))
    expect(countCalls(page)).toBe(1)
  })

  it(`ends a refusal in ${refusal}`, async () => {
    const page = install({ choice: 'deny' })
    const ended = await settle(page.consentAndCall(() => getUserProfile()))
    if (refusal === 'placeholder') expect('info' in ended && isPlaceholderProfile(ended.info)).toBe(true)
    else expect('error' in ended && ended.error).toMatchObject({ name: 'UserProfileError', code: refusal, runtime })
  })

  it.each<HostAnswers>(['twice', 'success-then-fail'])('settles once when the host answers %s', async (answers) => {
    const page = install({ answers })
    const complete = vi.fn()
    await settle(page.consentAndCall(() => getUserProfile({ complete })))
    await hostTurns()
    expect(complete).toHaveBeenCalledTimes(1)
  })

  it('rejects TIMEOUT when the host never answers, and asks the host again next time', async () => {
    const page = install({ answers: 'never' })
    const ended = await settle(page.consentAndCall(() => getUserProfile({ timeout: 10 })))
    expect('error' in ended && ended.error).toMatchObject({ code: 'TIMEOUT', runtime })
    await settle(page.consentAndCall(() => getUserProfile({ timeout: 10 })))
    expect(countCalls(page)).toBe(2)
  })

  it('shares one native request among concurrent calls', async () => {
    const page = install({ latencyMs: 5 })
    const [first, second] = await page.consentAndCall(() => Promise.all([getUserProfile(), getUserProfile()]))
    expect(second).toEqual(first)
    expect(countCalls(page)).toBe(1)
  })

  it('rejects NATIVE_ERROR when the native API throws, and never throws itself', async () => {
    const page = install({})
    Reflect.set(page.host, page.api, () => {
      throw new Error('bridge failure')
    })
    let pending: Promise<OpenUserInfo> | undefined
    expect(() => page.consentAndCall(() => (pending = getUserProfile()))).not.toThrow()
    const ended = await settle(pending!)
    expect('error' in ended && ended.error).toBeInstanceOf(UserProfileError)
    expect('error' in ended && ended.error).toMatchObject({ code: 'NATIVE_ERROR' })
  })

  it('answers the getOpenUserInfo polyfill with the same profile, double-encoded', async () => {
    const page = install({})
    const viaPromise = await page.consentAndCall(() => getUserProfile())
    const res = await page.consentAndCall(
      () => new Promise<{ response: string }>((done) => getOpenUserInfo({ success: done })),
    )
    expect(JSON.parse(res.response).response).toEqual(viaPromise)
  })

  it(`gives the same profile through the mini-user-profile/${runtime} build`, async () => {
    ensureBuilt()
    const entry: typeof library = await import(pathToFileURL(resolve(`dist/${runtime}.mjs`)).href)
    const page = install({})
    expect(entry.detectRuntime()).toBe(runtime)
    const [fromEntry, fromRoot] = [await page.consentAndCall(() => entry.getUserProfile()), await page.consentAndCall(() => getUserProfile())]
    expect(fromEntry).toEqual(fromRoot)
  })
})

describe('contract on dingtalk', () => {
  it('detects DingTalk and rejects UNSUPPORTED with the server-side advice, making no native call', async () => {
    const sim = createDd()
    stub({ dd: sim.dd, my: sim.my })
    expect(library.detectRuntime()).toBe('dingtalk')
    const ended = await settle(getUserProfile())
    expect('error' in ended && ended.error).toMatchObject({ code: 'UNSUPPORTED', runtime: 'dingtalk' })
    expect('error' in ended && (ended.error as Error).message).toContain('dd.getAuthCode')
    expect(sim.calls.filter((call) => call.api !== 'getSystemInfoSync' && call.api !== 'canIUse')).toEqual([])
    expect(library.getAuthorizeButton()).toBeNull()
  })
})
