// The playground's choices, as data: every runtime the library has (two options for `alipay`: a wallet and Alipay
// itself), the testing kit's scenarios, and what each simulated host shares on a grant, in that host's own format.
import type { AuthorizeButton, MockOptions, MockOutcome } from '../src/index'
import { hostName, SIMULATED_RUNTIMES, type ProfileOverride, type Scenario, type SimulatedRuntime } from '../testing/index'

export interface RuntimeOption {
  /** The `<option>` text. */
  label: string
  /** The `<option>` value: the name `detectRuntime()` gives this host. */
  runtime: SimulatedRuntime | 'browser'
  /** `install`'s `app`: what the host's `getSystemInfoSync()` reports. */
  app?: string
  /** The host as the user sees it, e.g. on its authorisation page. */
  host: string
}

// Every simulated host under the kit's own name, with Alipay shown twice: first as an Alipay+ wallet (the
// contract's own host, platforms.md §1), then as Alipay itself; the browser mock last.
export const RUNTIME_OPTIONS: readonly RuntimeOption[] = [
  { label: 'Alipay+ wallet (GCash)', runtime: 'alipay', app: 'GCash', host: 'GCash' },
  ...SIMULATED_RUNTIMES.map((runtime): RuntimeOption => {
    const host = hostName(runtime)
    return runtime === 'alipay' ? { label: host, runtime, app: 'alipay', host } : { label: host, runtime, host }
  }),
  { label: 'Browser mock (H5 page)', runtime: 'browser', host: 'this page' },
]

export const SCENARIO_LABELS: ReadonlyMap<Scenario, string> = new Map<Scenario, string>([
  ['grant', 'grant: the user allows'],
  ['deny', 'deny: the user refuses'],
  ['insufficient-permissions', 'insufficient-permissions: feature not connected (Alipay 40006)'],
  ['authorization-required', 'authorization-required: not authorised (Alipay 40003)'],
  ['malformed', 'malformed: an undocumented payload'],
  ['slow', 'slow: the answer takes over a second'],
  ['never', 'never: the host never answers'],
  ['privacy-required', 'privacy-required: privacy consent missing (WeChat, Douyin)'],
  ['nickname-rejected', "nickname-rejected: WeChat's nickname review fails"],
])

const DEMO_NAME = 'Demo Ana'

/** What the simulated host shares on a grant, in its own format; `undefined` keeps the kit's documented payload. */
export function hostProfile(runtime: SimulatedRuntime, avatar: string): ProfileOverride | undefined {
  switch (runtime) {
    case 'alipay':
      return { nickName: DEMO_NAME, avatar, gender: 'f', country: 'SG' }
    case 'wechat':
    case 'dingtalk':
      // WeChat shares only the anonymised "微信用户" since 2022-11-08 (platforms.md §3.2); DingTalk shares nothing.
      return undefined
    case 'taobao':
      return { nickName: DEMO_NAME, avatar } // my.getAuthUserInfo has no gender or country (platforms.md §11)
    default:
      return { nickName: DEMO_NAME, avatar, gender: 2, country: '中国' }
  }
}

// The browser mock has outcomes of its own; the scenarios it cannot play become a host error.
const mockOutcomes = new Map<Scenario, MockOutcome>([
  ['grant', 'grant'],
  ['deny', 'deny'],
  ['insufficient-permissions', 'insufficient-permissions'],
  ['slow', 'grant'],
  ['never', 'grant'],
  ['privacy-required', 'grant'], // the mock has no privacy step
  ['nickname-rejected', 'grant'], // nor a fill-in
])

/** `configureMock()` options that play `scenario` in the browser mock. */
export function mockOptionsFor(scenario: Scenario, avatar: string): MockOptions {
  const latency = scenario === 'slow' ? 1200 : scenario === 'never' ? Infinity : 300
  const profile = { nickName: DEMO_NAME, avatar, gender: 'F' as const, nationality: 'SG' }
  return { prompt: true, outcome: mockOutcomes.get(scenario) || 'error', latency, profile }
}

/** A sentence on what this scenario does on this runtime, where that is not obvious from its name. */
export function scenarioNote(runtime: RuntimeOption['runtime'], scenario: Scenario): string {
  if (runtime === 'dingtalk') return 'DingTalk has no client profile API: every scenario ends in UNSUPPORTED.'
  if (runtime === 'browser' && !mockOutcomes.has(scenario)) {
    return `The browser mock has no "${scenario}" answer: it reports a host error (outcome 'error', NATIVE_ERROR).`
  }
  if (scenario === 'authorization-required' && runtime !== 'browser') {
    return 'The page calls getUserProfile() without the consent step first, so no authorisation page appears.'
  }
  if (scenario === 'never') return 'Set a timeout to see TIMEOUT; without one the call stays pending.'
  // The privacy step of platforms.md §17.1–§17.2, and WeChat's nickname review (§17.1).
  if (scenario === 'privacy-required') {
    return PRIVACY_HOSTS.has(runtime)
      ? "The host holds the call until this page's privacy popup (onPrivacyConsent) is answered: Deny gives PRIVACY_NOT_AUTHORIZED."
      : 'This host has no privacy step: it plays as grant.'
  }
  if (scenario === 'nickname-rejected') {
    return runtime === 'wechat'
      ? "Fill in the form below: WeChat's review refuses the nickname and clears it on blur, and Save shows NICKNAME_REJECTED."
      : "Only WeChat's fill-in has a nickname review: this host plays it as grant."
  }
  return ''
}

const PRIVACY_HOSTS = new Set<RuntimeOption['runtime']>(['wechat', 'douyin'])

/** How a page wires the consent step on this runtime, from `getAuthorizeButton()`. */
export function describeConsent(button: AuthorizeButton | null): string {
  if (!button) return 'No consent step: this runtime has no client profile API.'
  if (button.openType) {
    const scope = button.scope ? ` scope="${button.scope}"` : ''
    return `<button open-type="${button.openType}"${scope}>: the host shows its authorisation page; the ${button.event} handler calls getUserProfile().`
  }
  if (button.event === 'tap') return 'A tap: getUserProfile() runs synchronously inside the tap handler, and the host decides.'
  return 'A click: the browser mock shows its own consent dialog.'
}
