// Simulates the LIFF SDK's `liff` global of a LINE MINI App / LIFF app as far as the profile and the ID token are
// concerned (developers.line.biz/en/reference/liff; platforms.md §17.4), never our implementation (style.md §5):
// `liff.id` is null until `liff.init()`, `getProfile()` is a promise of `{ userId, displayName, pictureUrl?,
// statusMessage? }` rejected with a LiffError (`{ code, message }`), `getIDToken()` is null without the openid scope.
import { frozen, type HostAnswer, type HostAnswers, type NativeCall } from './bridge.js'
import type { HostDescription, SimulatedRuntime } from './description.js'

// A profile as the LIFF reference lists its fields (placeholder values).
export const lineProfile = frozen({
  userId: 'UXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
  displayName: 'XXX',
  pictureUrl: 'https://profile.line-scdn.net/XXXXXXXX',
  statusMessage: 'XXX',
})

/** A LiffError as the SDK rejects with: an Error carrying `code` (codes from the LIFF reference's error table). */
export function liffError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code })
}

export interface LiffScenario {
  /** What getProfile resolves; default `lineProfile`. */
  profile?: object
  /** getProfile rejects with this LiffError code instead (UNAUTHORIZED: the user did not authorise; FORBIDDEN: no profile scope). */
  failWith?: 'UNAUTHORIZED' | 'FORBIDDEN'
  /** Default true: the page has awaited liff.init({ liffId }). */
  initialised?: boolean
  /** Default true (always true in the LINE app; outside it only after liff.login()). */
  loggedIn?: boolean
  /** Default true: opened in the LINE app. */
  inClient?: boolean
  /** The ID token; `null` without the openid scope. */
  idToken?: string | null
  latencyMs?: number
  /** 'never': getProfile never settles; 'throw': it throws synchronously; a promise cannot settle twice, so 'twice' is 'once'. */
  answers?: HostAnswers
}

export interface LiffSimulator {
  /** Install with `vi.stubGlobal('liff', sim.liff)`. */
  liff: Record<string, unknown>
  readonly calls: NativeCall[]
  readonly answers: HostAnswer[]
}

export function createLiff(scenario: LiffScenario = {}): LiffSimulator {
  const calls: NativeCall[] = []
  const answers: HostAnswer[] = []
  let loggedIn = scenario.loggedIn ?? true
  const inClient = scenario.inClient ?? true
  const call = (api: string, options?: unknown) => calls.push({ api, options })
  const liff: Record<string, unknown> = {
    id: scenario.initialised === false ? null : '1234567890-XXXXXXXX',
    init(config: unknown) {
      call('init', config)
      liff.id = typeof config === 'object' && config !== null ? Reflect.get(config, 'liffId') : null
      return Promise.resolve()
    },
    isInClient: () => inClient,
    isLoggedIn: () => loggedIn,
    login() {
      call('login')
      loggedIn = true // the browser goes to LINE Login and comes back logged in
    },
    getIDToken: () => (loggedIn ? (scenario.idToken === undefined ? 'XXXXXXXX.id-token.XXXXXXXX' : scenario.idToken) : null),
    getProfile() {
      call('getProfile')
      if (scenario.answers === 'throw') throw new Error('simulated bridge failure')
      return new Promise((resolve, reject) => {
        if (scenario.answers === 'never') return
        setTimeout(() => {
          if (scenario.failWith) {
            const error = liffError(scenario.failWith, scenario.failWith === 'FORBIDDEN' ? 'the profile scope is not granted' : 'the user did not authorize')
            answers.push({ api: 'getProfile', callback: 'fail', payload: { code: error.code, message: error.message } })
            reject(error)
          } else {
            const profile = JSON.parse(JSON.stringify(scenario.profile ?? lineProfile))
            answers.push({ api: 'getProfile', callback: 'success', payload: profile })
            resolve(profile)
          }
        }, scenario.latencyMs ?? 0)
      })
    },
  }
  return { liff, calls, answers }
}

export const hosts = {
  line: {
    name: 'LINE',
    olderBaseLibrary: false,
    // The consent is the channel's, at login: deny is a refusal there (UNAUTHORIZED), insufficient-permissions a
    // channel without the profile scope (FORBIDDEN, and no ID token), authorization-required a page not logged in.
    build(setting) {
      const { scenario, profile } = setting
      const sim = createLiff({
        failWith: scenario === 'deny' ? 'UNAUTHORIZED' : scenario === 'insufficient-permissions' ? 'FORBIDDEN' : undefined,
        loggedIn: scenario !== 'authorization-required',
        idToken: scenario === 'insufficient-permissions' ? null : undefined,
        profile: scenario === 'malformed' ? { userId: lineProfile.userId } : profile ? Object.assign({}, lineProfile, { displayName: profile.nickName ?? lineProfile.displayName, pictureUrl: profile.avatar ?? lineProfile.pictureUrl }) : undefined,
        latencyMs: setting.latencyMs,
        answers: setting.answers,
      })
      return { globals: { liff: sim.liff }, bridge: sim, requestApi: 'getProfile' }
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
