// Simulates the `xhs` global of Xiaohongshu as far as the user profile is concerned. ⚠️ The community sources
// conflict (platforms.md §10): one guide says there is no xhs.getUserInfo and the profile comes only from the
// `bindgetuserinfo` event of `<button open-type="getUserInfo">`; a test file mocks xhs.getUserInfo. By default the
// API is absent; with `hasGetUserInfo: true` it follows the QQ rules (§6). Never our implementation (style.md §5).
import { xhsAuthDeny, xhsProfile } from './fixtures.js'
import {
  createUserInfoHost,
  type ButtonChoice,
  type HostAnswers,
  type NativeCall,
  type PopupOutcome,
  type UserInfoButtonEvent,
} from './host.js'

export type { ButtonChoice, HostAnswers, NativeCall, PopupOutcome, UserInfoButtonEvent } from './host.js'

export interface XhsScenario {
  /** Default false: the API is absent (§10). */
  hasGetUserInfo?: boolean
  /** The user's pick when `pressUserInfoButton()` is called without one. Default 'grant'. */
  outcome?: PopupOutcome
  /** scope.userInfo already granted in an earlier session. Default false. */
  authorized?: boolean
  /** The success res (without errMsg); default `xhsProfile` (§10). */
  payload?: object
  /** Default 0. Callbacks are always asynchronous. */
  latencyMs?: number
  /** Default 'once'. */
  answers?: HostAnswers
}

export interface XhsGlobal {
  getUserInfo?(options?: unknown): void
}

export interface XhsSimulator {
  /** Install with `vi.stubGlobal('xhs', sim.xhs)`. */
  xhs: XhsGlobal
  /** The user presses `<button open-type="getUserInfo" bindgetuserinfo>`; on allow the detail carries `userInfo`. */
  pressUserInfoButton(choice?: ButtonChoice): UserInfoButtonEvent
  /** Whether scope.userInfo is granted. */
  readonly authorized: boolean
  /** Every native API call received, in order, with the options object exactly as passed. */
  calls: NativeCall[]
}

/** Creates a fresh `xhs` host with its own authorisation state and call log. */
export function createXhs(scenario: XhsScenario = {}): XhsSimulator {
  const calls: NativeCall[] = []
  const payload = scenario.payload ?? xhsProfile
  const host = createUserInfoHost({
    calls,
    latencyMs: scenario.latencyMs ?? 0,
    answers: scenario.answers ?? 'once',
    authorized: scenario.authorized ?? false,
    outcome: scenario.outcome ?? 'grant',
    granted: () => payload,
    denied: xhsAuthDeny, // ⚠️ UNCONFIRMED errMsg (§10)
  })
  const xhs: XhsGlobal = {}
  if (scenario.hasGetUserInfo === true) xhs.getUserInfo = host.getUserInfo
  return {
    xhs,
    calls,
    pressUserInfoButton: host.pressUserInfoButton,
    get authorized() {
      return host.authorized
    },
  }
}
