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

// The scenarios that mean the same on every runtime; scenarioLabel() words the others per host.
const SCENARIO_LABELS: ReadonlyMap<Scenario, string> = new Map<Scenario, string>([
  ['grant', 'grant: the user allows'],
  ['deny', 'deny: the user refuses'],
  ['malformed', 'malformed: an undocumented payload'],
  ['slow', 'slow: the answer takes over a second'],
  ['never', 'never: the host never answers'],
  ['privacy-required', 'privacy-required: privacy consent missing (WeChat, Douyin)'],
  ['nickname-rejected', "nickname-rejected: WeChat's nickname review fails"],
])

type Runtime = RuntimeOption['runtime']

// What each host does for the scenarios whose meaning is the host's own (the kit's answers, platforms.md §1–§11),
// so the labels never name Alipay's codes on another runtime. The other scenarios mean the same everywhere.
const HOST_SPECIFIC: Partial<Record<Scenario, Partial<Record<Runtime, string>> & { other: string }>> = {
  'insufficient-permissions': {
    alipay: 'feature not connected (40006)',
    wechat: 'not declared in the privacy agreement (errno 112)',
    taobao: 'not allowed to call (error 4)',
    telegram: 'no consent step: as grant',
    line: 'no profile scope on the channel (FORBIDDEN)',
    vk: 'an API error (access denied)',
    browser: "the mock's insufficient-permissions outcome",
    other: 'a failure the host documents no answer for',
  },
  'authorization-required': {
    alipay: 'called before the authorisation button (40003)',
    wechat: 'privacy guide not accepted (errno 104)',
    douyin: 'the user is not logged in (not login)',
    feishu: 'the user is not logged in (not login)',
    baidu: 'the user is not logged in (anonymous profile)',
    taobao: 'not allowed to call (error 4)',
    telegram: 'a launch without a user (inline button)',
    line: 'the page is not logged in (liff.login)',
    vk: 'VKWebAppInit not sent (auth_error)',
    browser: 'no such mock outcome: a host error',
    other: 'called before the getUserInfo button (scope unauthorized)',
  },
}

/** The scenario's `<option>` text on this runtime. */
export function scenarioLabel(runtime: Runtime, scenario: Scenario): string {
  const own = HOST_SPECIFIC[scenario]
  if (runtime === 'dingtalk' && own) return `${scenario}: no client profile API on DingTalk`
  return own ? `${scenario}: ${own[runtime] || own.other}` : SCENARIO_LABELS.get(scenario) || scenario
}

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
    case 'vk':
      return { nickName: DEMO_NAME, avatar, gender: 1, country: 'Singapore' } // VK's sex is 1 female, 2 male; a country title
    case 'telegram':
    case 'line':
      return { nickName: DEMO_NAME, avatar } // a name and a photo only: no gender, and no country (platforms.md §17.4)
    default:
      return { nickName: DEMO_NAME, avatar, gender: 2, country: '中国' }
  }
}

// hostProfile's keys in the order a sheet lists them, in the user's words ('country' is Alipay's countryCode).
const FIELD_NAMES: ReadonlyArray<readonly [string, string]> = [['avatar', 'avatar'], ['nickName', 'nickname'], ['gender', 'gender'], ['country', 'region']]

/**
 * What the host's authorisation page lists: the fields its grant shares (hostProfile's keys), e.g. "Avatar,
 * nickname, gender and country or region" on an Alipay+ wallet, "Avatar and nickname" on Taobao.
 */
export function sharedFields(runtime: SimulatedRuntime): string {
  const profile = hostProfile(runtime, '')
  const shared = profile || { avatar: '', nickName: '' }
  const fields = FIELD_NAMES.filter(([key]) => key in shared).map(([key, name]) => (key === 'country' && runtime === 'alipay' ? 'country or region' : name))
  const listed = fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}` : fields.join('')
  return listed.charAt(0).toUpperCase() + listed.slice(1)
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
  if (runtime === 'telegram' && scenario !== 'authorization-required' && scenario !== 'malformed') {
    return 'Telegram gives the user with the launch: no consent, no call to wait for, so this plays as grant.'
  }
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
  if (button.consentAt === 'launch') return 'None: the host gives the user with the launch (initDataUnsafe.user); call getUserProfile() from anywhere.'
  if (button.consentAt === 'login') return "At login: the channel's consent screen (liff.login); after liff.init, getUserProfile() runs from anywhere."
  return 'A click: the browser mock shows its own consent dialog.'
}
