// What a host file of the kit describes (testing/my.ts, testing/wx.ts …): its name, and how `install` builds it for a
// scenario. Each host turns the scenario into the data its simulator reads (its payload, its refusal, a failure it has
// no documented answer for); nothing is patched onto a simulator afterwards.
// The runtime names are the library's registry's (a type import only: the kit never runs library code), so a
// runtime without a simulator is a type error in testing/index.ts.
import type { RuntimeName } from '../src/types.js'
import type { HostAnswer, HostAnswers, NativeCall, UserChoice } from './bridge.js'
import type { HostLogin } from './login.js'
import type { WxFillIn } from './wx-fill-in.js'

/** The runtimes the kit simulates: every mini program host of the registry (the browser mock is the library's own). */
export type SimulatedRuntime = Exclude<RuntimeName, 'browser'>

/**
 * What the host does. `malformed`, `slow` and `never` mean the same everywhere; the others use each host's own
 * documented answer (see the README's table): e.g. `insufficient-permissions` is Alipay's 40006, WeChat's privacy errno 112.
 * `privacy-required` starts WeChat and Douyin with the privacy consent missing (§17.1–§17.2) and `nickname-rejected`
 * makes WeChat's nickname review fail (§17.1); elsewhere both play as `grant`.
 */
export type Scenario =
  | 'grant'
  | 'deny'
  | 'insufficient-permissions'
  | 'authorization-required'
  | 'malformed'
  | 'slow'
  | 'never'
  | 'privacy-required'
  | 'nickname-rejected'

/** Profile values in the host's own format: gender 'f'/'m' on Alipay, 1/2 on WeChat-like hosts, a country name there. */
export interface ProfileOverride {
  nickName?: string
  avatar?: string
  gender?: string | number
  /** Alipay+: an ISO code (`countryCode`); WeChat-like hosts: a localized name (`userInfo.country`). */
  country?: string
}

/** What `install` hands a host: the scenario, and the knobs it comes to once the overrides are applied. */
export interface HostSetting {
  readonly scenario: Scenario
  readonly latencyMs: number
  readonly answers: HostAnswers
  /** The user's pick: 'deny' in the `deny` scenario. */
  readonly choice: UserChoice
  /** False for HostOverride.olderBaseLibrary: the profile API is absent. */
  readonly hasApi: boolean
  readonly profile: ProfileOverride | undefined
  /** `install`'s `app`, for hosts that report one from getSystemInfoSync. */
  readonly app: string | undefined
}

/** A host built for one installation. */
export interface BuiltHost {
  /** The globals it puts on the page, e.g. `{ wx, __wxConfig }`. */
  globals: Record<string, object>
  /** Its call and answer logs. */
  bridge: { readonly calls: readonly NativeCall[]; readonly answers: readonly HostAnswer[] }
  /** The native API a profile request calls first; null where there is none. */
  requestApi: string | null
  tap?<T>(handler: () => T): T
  /** The fill-in components, where the host has them (WeChat). */
  fillIn?: WxFillIn
  /** The host's privacy step, where it has one (WeChat, Douyin). */
  privacy?: { readonly needAuthorization: boolean; readonly pending: boolean }
  /** The user presses the runtime's authorisation button; absent where there is none. */
  authorize?(choice: UserChoice): unknown
}

export interface HostDescription {
  /** The host as users know it: the playground's label and `hostName(runtime)`. */
  readonly name: string
  /** Whether its docs name a base library without the profile API (HostOverride.olderBaseLibrary). */
  readonly olderBaseLibrary: boolean
  /**
   * How it logs the user in with a callback API: `install` puts it on `global` (platforms.md §13). Absent where the
   * credential is a property or a synchronous getter the simulator has itself (Telegram's initData, LINE's ID token).
   */
  readonly login?: HostLogin
  build(setting: HostSetting): BuiltHost
}

/** The entries of `values` that are not undefined. */
export function defined(values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key of Object.keys(values)) if (values[key] !== undefined) result[key] = values[key]
  return result
}

/**
 * The success res the host gives in this setting: `malformed` (an undocumented shape) in the `malformed` scenario,
 * otherwise `documented`, carrying the caller's profile when there is one.
 */
export function successPayload<T extends object>(
  setting: HostSetting,
  documented: T,
  withProfile: (payload: T, profile: ProfileOverride) => T,
  malformed: object,
): object {
  if (setting.scenario === 'malformed') return malformed
  return setting.profile ? withProfile(documented, setting.profile) : documented
}

/** The native failure of a host with no documented answer of its own to a scenario. */
export function undocumentedFailure(api: string, scenario: Scenario): { errMsg: string } {
  return { errMsg: `${api}:fail ${scenario} (simulated: no documented answer)` }
}

/** A WeChat-convention answer with no userInfo at all: the `malformed` res of the userInfo hosts. */
export const userInfoMalformed = { errMsg: 'getUserInfo:ok' }

/** Writes the profile into a WeChat-convention `{ userInfo, rawData? }` res, rawData kept in step with userInfo. */
export function withUserInfoProfile<T extends object>(payload: T, profile: ProfileOverride): T {
  const userInfo: unknown = Reflect.get(payload, 'userInfo')
  if (typeof userInfo !== 'object' || userInfo === null) return payload
  const { nickName, avatar, gender, country } = profile
  const merged = { ...userInfo, ...defined({ nickName, avatarUrl: avatar, gender, country }) }
  const rawData = 'rawData' in payload ? { rawData: JSON.stringify(merged) } : {}
  return { ...payload, userInfo: merged, ...rawData }
}
