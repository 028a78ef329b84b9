// mini-user-profile/testing: the host simulators of this project's own tests, as one public kit. `install` puts a
// simulated super app on a globals object; the page (or test) then presses its consent control and calls the library.
// Like every simulator here, it never imports the library: it stands in for the host, not for our code.
// Each host file describes its runtimes (name, how a scenario becomes the data its simulator reads); this file only
// gathers them, and names no runtime: a runtime of the registry without a description is a type error below.
import type { HostAnswer, HostAnswers, NativeCall, UserChoice } from './bridge.js'
import * as dd from './dd.js'
import type { HostDescription, ProfileOverride, Scenario, SimulatedRuntime } from './description.js'
import type { WxFillIn } from './wx-fill-in.js'
import { createLoginApi, type LoginScenario } from './login.js'
import * as jd from './jd.js'
import * as ks from './ks.js'
import * as line from './line.js'
import * as my from './my.js'
import * as qq from './qq.js'
import * as swan from './swan.js'
import * as taobao from './taobao.js'
import * as telegram from './telegram.js'
import * as tt from './tt.js'
import * as vk from './vk.js'
import * as wx from './wx.js'
import * as xhs from './xhs.js'

export type { HostAnswer, HostAnswers, NativeCall, UserChoice } from './bridge.js'
export type { ProfileOverride, Scenario, SimulatedRuntime } from './description.js'
export type { FillInEvent, WxFillIn } from './wx-fill-in.js'

// In the playground's order (the detection order where it matters less than what users look for first).
const HOSTS: Readonly<Record<SimulatedRuntime, HostDescription>> = {
  ...my.hosts,
  ...wx.hosts,
  ...tt.hosts,
  ...qq.hosts,
  ...swan.hosts,
  ...ks.hosts,
  ...jd.hosts,
  ...xhs.hosts,
  ...taobao.hosts,
  ...dd.hosts,
  ...telegram.hosts,
  ...line.hosts,
  ...vk.hosts,
}

export const SCENARIOS: readonly Scenario[] = [
  'grant',
  'deny',
  'insufficient-permissions',
  'authorization-required',
  'malformed',
  'slow',
  'never',
  'privacy-required',
  'nickname-rejected',
]
/** Every runtime the kit simulates, in the order above. */
export const SIMULATED_RUNTIMES: readonly SimulatedRuntime[] = Object.keys(HOSTS) as SimulatedRuntime[]

/** The host's name as users know it (the playground's label), from the host's own description. */
export function hostName(runtime: SimulatedRuntime): string {
  return HOSTS[runtime].name
}

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

export interface SimulatedHost {
  readonly runtime: SimulatedRuntime
  readonly scenario: Scenario
  /** The native API a profile request calls first (e.g. 'getOpenUserInfo', 'getUserProfile'); null where there is none. */
  readonly requestApi: string | null
  /**
   * The user presses the runtime's authorisation button (Alipay's `getAuthorize`, the `getUserInfo` button of the
   * button hosts: `getAuthorizeButton(runtime).openType`) and the event its handler receives is returned; `deny` gives the error
   * event. `undefined` where the runtime has no such button, or when the scenario skips it (`authorization-required`).
   */
  authorize(choice?: UserChoice): unknown
  /** Runs `handler` as a tap handler: the gesture holds only while it runs synchronously (WeChat, Douyin rules). */
  tap<T>(handler: () => T): T
  /** Every native API call the host received, in order. */
  readonly calls: readonly NativeCall[]
  /** Every answer the host delivered to a callback, in order. */
  readonly answers: readonly HostAnswer[]
  /**
   * The host's privacy step (WeChat, Douyin; `undefined` elsewhere): `needAuthorization` until the user agrees, and
   * `pending` while a call waits for the page's `onNeedPrivacyAuthorization` listener to answer.
   */
  readonly privacy: { readonly needAuthorization: boolean; readonly pending: boolean } | undefined
  /**
   * WeChat's fill-in components (`undefined` elsewhere): `chooseAvatar(choice?)` gives the `chooseavatar` event,
   * `typeNickname(value)` / `pickSuggestedNickname()` the input, blur and `nicknamereview` events, `readFile(path)` the
   * bytes of a chosen temporary file. Pass the events to `createProfileForm`'s methods, as the page's handlers would.
   */
  readonly fillIn: WxFillIn | undefined
  /** Puts back exactly what the globals object had before `install`. */
  restore(): void
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
  const override = options.override ?? {}
  const description = Object.prototype.hasOwnProperty.call(HOSTS, runtime) ? HOSTS[runtime] : undefined
  // A JavaScript caller's typo ('wx', 'browser') gets the list, not "cannot read properties of undefined".
  if (!description) throw new TypeError(`install: no simulated runtime ${String(runtime)}; the kit simulates ${SIMULATED_RUNTIMES.join(', ')}`)
  if (override.olderBaseLibrary === true && !description.olderBaseLibrary) {
    const documented = SIMULATED_RUNTIMES.filter((name) => HOSTS[name].olderBaseLibrary)
    throw new Error(`install: ${runtime} documents no base library without its profile API; olderBaseLibrary applies to ${documented.join(', ')}`)
  }
  const choice: UserChoice = scenario === 'deny' ? 'deny' : 'allow'
  const latencyMs = override.latencyMs ?? (scenario === 'slow' ? 1200 : 0)
  const answers = override.answers ?? (scenario === 'never' ? 'never' : 'once')
  const built = description.build({
    scenario,
    latencyMs,
    answers,
    choice,
    hasApi: override.olderBaseLibrary !== true,
    profile: options.profile,
    app: options.app,
  })
  // The host's login API, on its own global: a refusal in `deny` where the host asks the user, no code in `malformed`.
  const loginScenario: LoginScenario = scenario === 'deny' ? 'deny' : scenario === 'malformed' ? 'malformed' : 'grant'
  const { login } = description
  if (login) {
    // Every host's logs are the arrays its bridge pushes to; the login call logs there too.
    const logs = built.bridge as { calls: NativeCall[]; answers: HostAnswer[] }
    const api = createLoginApi(login, { scenario: loginScenario, latencyMs, answers, logs })
    Object.defineProperty(built.globals[login.global], login.api, { value: api, configurable: true, writable: true })
  }
  const restore = installGlobals(options.globals ?? globalThis, built.globals)
  const { authorize, tap } = built
  return {
    runtime,
    scenario,
    requestApi: built.requestApi,
    // authorization-required plays a page that calls without the consent step: the button is never pressed.
    authorize: (picked) => {
      // A wrong argument must not read as a refusal.
      if (picked !== undefined && picked !== 'allow' && picked !== 'deny') throw new TypeError(`authorize: pass 'allow' or 'deny' (or nothing), not ${typeof picked}`)
      return authorize && scenario !== 'authorization-required' ? authorize(picked ?? choice) : undefined
    },
    tap: (handler) => (tap ? tap(handler) : handler()),
    calls: built.bridge.calls,
    answers: built.bridge.answers,
    privacy: built.privacy,
    fillIn: built.fillIn,
    restore,
  }
}

// The globals objects a kit host is installed on: a second install there before the first is restored is refused,
// since restoring them out of order would leave the first one's globals behind.
const installedOn = new WeakSet<object>()

/**
 * Defines each global on `target`, all or none (a target that refuses one gets every earlier one put back), and
 * returns the function that puts the previous descriptors back.
 */
function installGlobals(target: object, globals: Record<string, object>): () => void {
  if (installedOn.has(target)) throw new Error('install: a simulated host is already installed on these globals; restore() it first')
  const previous: (readonly [string, PropertyDescriptor | undefined])[] = []
  const putBack = () => {
    for (const [name, descriptor] of previous.reverse()) {
      if (descriptor) Object.defineProperty(target, name, descriptor)
      else Reflect.deleteProperty(target, name)
    }
  }
  try {
    for (const name of Object.keys(globals)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, name)
      Object.defineProperty(target, name, { value: globals[name], configurable: true, writable: true, enumerable: true })
      previous.push([name, descriptor])
    }
  } catch (error) {
    putBack()
    throw error
  }
  installedOn.add(target)
  let restored = false
  return () => {
    if (restored) return
    restored = true
    putBack()
    installedOn.delete(target)
  }
}
