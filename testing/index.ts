// mini-user-profile/testing: the host simulators of this project's own tests, as one public kit. `install` puts a
// simulated super app on a globals object; the page (or test) then presses its consent control and calls the library.
// Like every simulator here, it never imports the library: it stands in for the host, not for our code.
import { createDd } from './dd.js'
import { alipayWalletDocs } from './fixtures.js'
import type { HostAnswers, NativeCall, UserChoice } from './host.js'
import { createJd } from './jd.js'
import { createKs } from './ks.js'
import { createMy } from './my.js'
import { createQq } from './qq.js'
import { createSwan } from './swan.js'
import { createTaobao } from './taobao.js'
import { createTt } from './tt.js'
import { createWx } from './wx.js'
import { createXhs } from './xhs.js'
import { answerHook, installGlobals, withProfile, type ProfileOverride } from './install-helpers.js'

export type { HostAnswers, NativeCall, UserChoice } from './host.js'
export type { ProfileOverride } from './install-helpers.js'

/** The runtimes the kit simulates: every mini program host (the browser mock is the library's own). */
export type SimulatedRuntime =
  | 'alipay' | 'wechat' | 'douyin' | 'feishu' | 'qq' | 'baidu' | 'kuaishou' | 'jd' | 'xiaohongshu' | 'taobao' | 'dingtalk'

/**
 * What the host does. `malformed`, `slow` and `never` mean the same everywhere; the others use each host's own
 * documented answer (see the README's table): e.g. `insufficient-permissions` is Alipay's 40006, WeChat's privacy errno 112.
 */
export type Scenario = 'grant' | 'deny' | 'insufficient-permissions' | 'authorization-required' | 'malformed' | 'slow' | 'never'

export const SCENARIOS: readonly Scenario[] = ['grant', 'deny', 'insufficient-permissions', 'authorization-required', 'malformed', 'slow', 'never']
export const SIMULATED_RUNTIMES: readonly SimulatedRuntime[] = [
  'alipay', 'wechat', 'douyin', 'feishu', 'qq', 'baidu', 'kuaishou', 'jd', 'xiaohongshu', 'taobao', 'dingtalk',
]

export interface InstallOptions {
  /** Where the host globals go (`my`, `wx`, `__wxConfig`, `tt`…). Default `globalThis`. */
  globals?: object
  scenario?: Scenario
  /** The profile the host shares on a grant, written in the host's own format (e.g. gender 'f' on Alipay, 2 on WeChat). */
  profile?: ProfileOverride
  /** `my.getSystemInfoSync().app` or `tt.getSystemInfoSync().appName`, e.g. 'GCash', 'Toutiao', 'Lark'. */
  app?: string
  /** Overrides for this one installation: each replaces what the scenario would do, the rest of it stays. */
  override?: HostOverride
}

/** A hostile or older host, for one test: the way msw's `server.use()` overrides one handler. */
export interface HostOverride {
  /** Milliseconds before each answer (the scenario's own: 0, or 1200 for `slow`). */
  latencyMs?: number
  /**
   * How the host answers each call: `'twice'` repeats the answer, `'success-then-fail'` sends both, `'never'` none,
   * `'throw'`: the API throws synchronously (a broken bridge).
   */
  answers?: HostAnswers
  /**
   * A base library older than the profile API, so the API is absent: Alipay below 1.16.4 (no my.getOpenUserInfo),
   * WeChat below 2.10.4 (no wx.getUserProfile), Douyin below 2.30.0 (no tt.getUserProfile: tt.getUserInfo answers),
   * and Xiaohongshu hosts without xhs.getUserInfo (platforms.md §2.2, §3.2, §4.2, §10). Other runtimes document no
   * such version, and `install` throws rather than simulate one.
   */
  olderBaseLibrary?: boolean
}

/** One native answer as the host delivered it: the raw payload the library received. */
export interface HostAnswer {
  api: string
  callback: 'success' | 'fail'
  payload: unknown
}

export interface SimulatedHost {
  readonly runtime: SimulatedRuntime
  readonly scenario: Scenario
  /** The native API a profile request calls first (e.g. 'getOpenUserInfo', 'getUserProfile'); null where there is none. */
  readonly requestApi: string | null
  /**
   * The user presses the runtime's authorisation button (Alipay `getAuthorize`, the `getUserInfo` button of QQ,
   * Baidu, Kuaishou, JD, Xiaohongshu) and the event its handler receives is returned; `deny` gives the error
   * event. `undefined` where the runtime has no such button, or when the scenario skips it (`authorization-required`).
   */
  authorize(choice?: UserChoice): unknown
  /** Runs `handler` as a tap handler: the gesture holds only while it runs synchronously (WeChat, Douyin rules). */
  tap<T>(handler: () => T): T
  /** Every native API call the host received, in order. */
  readonly calls: readonly NativeCall[]
  /** Every answer the host delivered, in order. */
  readonly answers: readonly HostAnswer[]
  /** Puts back exactly what the globals object had before `install`. */
  restore(): void
}

interface Built {
  globals: Record<string, object>
  calls: NativeCall[]
  tap?<T>(handler: () => T): T
  authorize?(choice: UserChoice): unknown
  /** The host's answer to a scenario it has no documented answer of its own for (a native error). */
  failure?: object
  /** The profile API and its host object, which `malformed` and `profile` reshape. */
  api?: { host: object; name: string; family: 'my' | 'userInfo' | 'authUserInfo' }
  /** When the first native call of a request is not `api` (Taobao asks my.authorize first). */
  requestApi?: string
}

// Hosts with no documented answer of their own to a scenario give a plain native failure for it.
const undocumented = (api: string, scenario: Scenario) => ({ errMsg: `${api}:fail ${scenario} (simulated: no documented answer)` })

// The runtimes whose docs name a base library without the profile API (HostOverride.olderBaseLibrary).
const OLDER_BASE_LIBRARY: readonly SimulatedRuntime[] = ['alipay', 'wechat', 'douyin', 'xiaohongshu']

function build(runtime: SimulatedRuntime, scenario: Scenario, app: string | undefined, override: HostOverride): Built {
  const latencyMs = override.latencyMs ?? (scenario === 'slow' ? 1200 : 0)
  const answers: HostAnswers = override.answers ?? (scenario === 'never' ? 'never' : 'once')
  const hasApi = override.olderBaseLibrary !== true
  if (!hasApi && OLDER_BASE_LIBRARY.indexOf(runtime) === -1) {
    throw new Error(`install: ${runtime} documents no base library without its profile API; olderBaseLibrary applies to ${OLDER_BASE_LIBRARY.join(', ')}`)
  }
  const choice = scenario === 'deny' ? ('deny' as const) : ('allow' as const)
  const knobs = { latencyMs, answers, choice }
  const pressed = (press: (choice: UserChoice) => unknown) =>
    scenario === 'authorization-required' ? undefined : press
  switch (runtime) {
    case 'alipay': {
      // The Alipay+ wallet docs' shape (nickName, gender 'm', countryCode) rather than the contract's sample without a name.
      const sim = createMy({ latencyMs, answers, app: app ?? 'alipay', payload: alipayWalletDocs, featureConnected: scenario !== 'insufficient-permissions', hasGetOpenUserInfo: hasApi })
      return { globals: { my: sim.my }, calls: sim.calls, authorize: pressed((choice) => sim.pressAuthorizeButton(choice)), api: { host: sim.my, name: 'getOpenUserInfo', family: 'my' } }
    }
    case 'wechat': {
      const privacy = scenario === 'insufficient-permissions' ? 'not-declared' : scenario === 'authorization-required' ? 'not-accepted' : undefined
      const sim = createWx({ latencyMs, answers, choice, privacy, hasGetUserProfile: hasApi })
      return { globals: { wx: sim.wx, __wxConfig: sim.wxConfig }, calls: sim.calls, tap: sim.tap, api: { host: sim.wx, name: 'getUserProfile', family: 'userInfo' } }
    }
    case 'douyin':
    case 'feishu': {
      const appName = app ?? (runtime === 'douyin' ? 'Douyin' : 'Feishu')
      const sim = createTt({ ...knobs, appName, loggedIn: scenario !== 'authorization-required', ...(runtime === 'douyin' ? { hasGetUserProfile: hasApi } : {}) })
      const name = runtime === 'douyin' && hasApi ? 'getUserProfile' : 'getUserInfo'
      const failure = scenario === 'insufficient-permissions' ? undocumented(name, scenario) : undefined
      return { globals: { tt: sim.tt }, calls: sim.calls, tap: sim.tap, failure, api: { host: sim.tt, name, family: 'userInfo' } }
    }
    case 'qq':
    case 'jd':
    case 'kuaishou':
    case 'xiaohongshu':
    case 'baidu': {
      const [name, sim] =
        runtime === 'qq' ? ['qq', createQq(knobs)] as const
        : runtime === 'jd' ? ['jd', createJd(knobs)] as const
        : runtime === 'kuaishou' ? ['ks', createKs(knobs)] as const
        : runtime === 'xiaohongshu' ? ['xhs', createXhs({ ...knobs, hasGetUserInfo: hasApi })] as const
        : ['swan', createSwan({ ...knobs, loggedIn: scenario !== 'authorization-required' })] as const
      const host: object = Reflect.get(sim, name)
      const failure = scenario === 'insufficient-permissions' ? undocumented('getUserInfo', scenario) : undefined
      return { globals: { [name]: host }, calls: sim.calls, failure, authorize: pressed((choice) => sim.pressUserInfoButton(choice)), api: { host, name: 'getUserInfo', family: 'userInfo' } }
    }
    case 'taobao': {
      const sim = createTaobao({ ...knobs, app: app ?? 'TB' })
      // Taobao has no 40006/40003: my.getAuthUserInfo's general "无权调用" (error 4) stands for both.
      const failure = scenario === 'insufficient-permissions' || scenario === 'authorization-required' ? { error: 4, errorMessage: '无权调用' } : undefined
      return { globals: { my: sim.my }, calls: sim.calls, failure, api: { host: sim.my, name: 'getAuthUserInfo', family: 'authUserInfo' }, requestApi: 'authorize' }
    }
    case 'dingtalk': {
      const sim = createDd({ latencyMs, answers })
      return { globals: { dd: sim.dd, my: sim.my }, calls: sim.calls }
    }
  }
}

/**
 * Installs a simulated super app on `globals` (default `globalThis`).
 * @example
 * const host = install('wechat', { scenario: 'deny' })
 * await expect(host.tap(() => getUserProfile())).rejects.toMatchObject({ code: 'USER_DENIED' })
 * host.restore()
 */
export function install(runtime: SimulatedRuntime, options: InstallOptions = {}): SimulatedHost {
  const scenario = options.scenario ?? 'grant'
  const target: object = options.globals ?? globalThis
  const built = build(runtime, scenario, options.app, options.override ?? {})
  const answers: HostAnswer[] = []
  if (built.api) {
    const { host, name, family } = built.api
    answerHook(host, name, answers, withProfile(family, scenario, options.profile), built.failure)
  }
  const restore = installGlobals(target, built.globals)
  return {
    runtime,
    scenario,
    requestApi: built.requestApi ?? (built.api ? built.api.name : null),
    authorize: (choice) => {
      const event = built.authorize ? built.authorize(choice ?? (scenario === 'deny' ? 'deny' : 'allow')) : undefined
      // The getUserInfo button's event carries the same profile as the API's answer (platforms.md §6, §7).
      const detail: unknown = event && typeof event === 'object' ? Reflect.get(event, 'detail') : undefined
      if (!built.api || built.api.family !== 'userInfo' || scenario === 'malformed' || typeof detail !== 'object' || detail === null) return event
      return Object.assign({}, event, { detail: withProfile('userInfo', scenario, options.profile)(detail) })
    },
    tap: (handler) => (built.tap ? built.tap(handler) : handler()),
    calls: built.calls,
    answers,
    restore,
  }
}
