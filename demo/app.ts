// The playground page: the real library (from source) against the testing kit's simulated hosts, or the library's
// own browser mock. demo/server.mjs bundles this file as an IIFE; it runs once, after the markup it wires.
import {
  configureMock,
  detectRuntime,
  fromAuthorizeError,
  getAuthorizeButton,
  getUserProfile,
  isPlaceholderProfile,
  onPrivacyConsent,
  type OpenUserInfo,
  type PrivacyConsentRequest,
} from '../src/index'
import { install, SCENARIOS, type Scenario, type SimulatedHost, type SimulatedRuntime } from '../testing/index'
import { closeAuthorizationPage, profileSheet, showAuthorizationPage } from './consent'
import { wireFillIn } from './fill-in'
import { wireLogin } from './login'
import { describeConsent, hostProfile, mockOptionsFor, RUNTIME_OPTIONS, scenarioLabel, scenarioNote, sharedFields, type RuntimeOption } from './runtimes'
import { answerEntries, byTestId, createView, type RawEntry } from './view'

// WeChat allows at most 30 characters (platforms.md §3.2).
const DESC = 'Show your avatar and nickname.'
const RAW_REFRESH_MS = 100

const runtimeSelect = byTestId<HTMLSelectElement>('runtime')
const scenarioSelect = byTestId<HTMLSelectElement>('scenario')
const timeoutInput = byTestId<HTMLInputElement>('timeout')
const consent = byTestId<HTMLButtonElement>('consent')
const consentHint = byTestId('consent-hint')
const note = byTestId('scenario-note')
const detected = byTestId('detected')
const fillInSection = byTestId('fill-in')
const fillInStatus = byTestId('fill-in-status')
const view = createView()

// What the page's own privacy popup says when the host asks for consent (onPrivacyConsent, platforms.md §17.1–§17.2),
// listing the fields this host shares (sharedFields).
const privacySheet = (fields: string) => ({
  kind: 'privacy popup of this mini program',
  title: 'Privacy',
  text: 'Before you go on, read and agree to the Playground privacy guide (《示例小程序隐私保护指引》).',
  scope: `${fields}: to show your profile`,
})

// Only the latest press may write the result, so a slow earlier answer never overwrites a newer one.
let currentPress = 0
let host: SimulatedHost | undefined
let stopWatching = () => {}
// The privacy popup waiting for the user, answered 'disagree' if a new press replaces it (the host must not wait forever).
let pendingPrivacy: PrivacyConsentRequest | undefined

function addOption(select: HTMLSelectElement, value: string, label: string): void {
  const option = document.createElement('option')
  option.value = value
  option.textContent = label
  select.appendChild(option)
}

function selectedRuntime() {
  return RUNTIME_OPTIONS[runtimeSelect.selectedIndex] || RUNTIME_OPTIONS[0]!
}

function selectedScenario(): Scenario {
  for (const scenario of SCENARIOS) if (scenario === scenarioSelect.value) return scenario
  return 'grant'
}

/** Empty: the library's default. Anything else goes to the library as typed, so a bad value shows INVALID_OPTIONS. */
function readTimeout(): number | undefined {
  return timeoutInput.value.trim() === '' ? undefined : Number(timeoutInput.value)
}

/** Words each scenario for the selected runtime: its own codes, never another host's. */
function labelScenarios(): void {
  const { runtime } = selectedRuntime()
  scenarioSelect.querySelectorAll('option').forEach((option) => {
    option.textContent = scenarioLabel(runtime, option.value as Scenario)
  })
}

function describeChoice(): void {
  const { runtime } = selectedRuntime()
  consentHint.textContent = `Consent control on ${runtime}: ${describeConsent(getAuthorizeButton(runtime))}`
  note.textContent = scenarioNote(runtime, selectedScenario())
  // WeChat's real profile is filled in (getAuthorizeButton().fillIn); the consent control beside it runs getUserProfile.
  fillInSection.hidden = !getAuthorizeButton(runtime)?.fillIn
}

/** Drops the simulated host and anything still waiting on it, before a new one. */
function leaveHost(): void {
  stopWatching()
  closeAuthorizationPage()
  if (pendingPrivacy) pendingPrivacy.disagree()
  pendingPrivacy = undefined
  if (host) host.restore()
  host = undefined
}

/** The host the fill-in and the login run on: the one installed for the current choice, or a fresh one. */
function selectedHost(): SimulatedHost {
  const choice = selectedRuntime()
  const scenario = selectedScenario()
  if (host && host.runtime === choice.runtime && host.scenario === scenario) return host
  leaveHost()
  const runtime = choice.runtime === 'browser' ? 'wechat' : choice.runtime
  host = install(runtime, { globals: window, scenario, profile: hostProfile(runtime, location.origin + '/avatar.svg') })
  return host
}

const fillIn = wireFillIn(byTestId<HTMLButtonElement>('choose-avatar'), byTestId<HTMLInputElement>('nickname'), byTestId<HTMLButtonElement>('submit-profile'), {
  host: selectedHost,
  showField(field, error) {
    fillInStatus.textContent = error ? `${field}: ${error.code}: ${error.message}` : `${field}: accepted`
  },
  showResult(outcome) {
    const press = ++currentPress
    view.reset('Uploading the avatar and checking the form…')
    outcome.then(
      (info) => press === currentPress && view.showProfile(info, isPlaceholderProfile(info)),
      (error: unknown) => press === currentPress && view.showFailure(error),
    )
  },
})

/** Shows the call's outcome once it settles, and the simulated host's raw answers as they arrive. */
function watch(press: number, call: Promise<OpenUserInfo>, simulated?: SimulatedHost, raw: () => RawEntry[] = () => []): void {
  const showRaw = (pending: boolean) => {
    if (simulated) view.showRaw(raw(), simulated.calls, pending)
  }
  const timer = setInterval(() => showRaw(true), RAW_REFRESH_MS)
  stopWatching = () => clearInterval(timer)
  const settle = (show: () => void) => {
    clearInterval(timer)
    if (press !== currentPress) return
    showRaw(false)
    show()
  }
  showRaw(true)
  call.then(
    (info) => settle(() => view.showProfile(info, isPlaceholderProfile(info))),
    (error: unknown) => settle(() => view.showFailure(error)),
  )
}

function pressBrowserMock(press: number, options: { timeout?: number }): void {
  const mock = mockOptionsFor(selectedScenario(), location.origin + '/avatar.svg')
  configureMock(mock)
  view.showMock(mock)
  detected.textContent = `detectRuntime() → ${String(detectRuntime())}`
  // The mock's dialog opens synchronously inside this click, as a host's consent popup would.
  watch(press, getUserProfile({ ...options, runtime: 'browser' }))
}

function pressSimulatedHost(press: number, choice: RuntimeOption & { runtime: SimulatedRuntime }, options: { timeout?: number }): void {
  const scenario = selectedScenario()
  const avatar = location.origin + '/avatar.svg'
  const simulated = install(choice.runtime, { globals: window, scenario, profile: hostProfile(choice.runtime, avatar), app: choice.app })
  host = simulated
  if (simulated.privacy) {
    // The page's own privacy popup, shown when the host holds a call for consent (WeChat, Douyin).
    onPrivacyConsent((request) => {
      pendingPrivacy = request
      view.showStatus('Waiting for the privacy popup…')
      showAuthorizationPage(choice.host, (decision) => {
        pendingPrivacy = undefined
        view.showStatus('Waiting…')
        if (decision === 'allow') request.agree()
        else request.disagree()
      }, privacySheet(sharedFields(choice.runtime)))
    })
  }
  detected.textContent = `detectRuntime() → ${String(detectRuntime())} · getAuthorizeButton() → ${JSON.stringify(getAuthorizeButton())}`
  // `runtime` is explicit: the page's own window and document would otherwise count too.
  const call = () => getUserProfile({ ...options, runtime: choice.runtime })
  const events: RawEntry[] = []
  const raw = () => events.concat(answerEntries(simulated.answers))
  const button = getAuthorizeButton(choice.runtime)
  if (!button || !button.openType || scenario === 'authorization-required') {
    // A tap runtime: this click is the tap, and the library is called synchronously inside it.
    watch(press, simulated.tap(call), simulated, raw)
    return
  }
  view.showStatus(`Waiting for the ${choice.host} authorisation page…`)
  showAuthorizationPage(choice.host, (decision) => {
    const event = simulated.authorize(decision)
    const isError = typeof event === 'object' && event !== null && Reflect.get(event, 'type') === 'error'
    events.push({ caption: `button event → ${isError ? button.errorEvent || 'error' : button.event}`, payload: event })
    view.showStatus('Waiting…')
    // Inside the Allow / Deny click, as a page's onGetAuthorize / onError handler runs.
    watch(press, isError ? Promise.reject(fromAuthorizeError(event)) : simulated.tap(call), simulated, raw)
  }, profileSheet(sharedFields(choice.runtime)))
}

function onPress(): void {
  const press = ++currentPress
  const choice = selectedRuntime()
  describeChoice()
  leaveHost()
  fillIn.reset() // a new visit: the fill-in starts over too
  fillInStatus.textContent = ''
  view.reset('Waiting…')
  const options = { desc: DESC, timeout: readTimeout() }
  if (choice.runtime === 'browser') pressBrowserMock(press, options)
  else pressSimulatedHost(press, { ...choice, runtime: choice.runtime }, options)
}

for (const option of RUNTIME_OPTIONS) addOption(runtimeSelect, option.runtime, option.label)
for (const scenario of SCENARIOS) addOption(scenarioSelect, scenario, scenario)
labelScenarios()
const onSelectionChange = () => {
  describeChoice()
  fillIn.reset()
  fillInStatus.textContent = ''
}
runtimeSelect.addEventListener('change', () => {
  labelScenarios()
  onSelectionChange()
})
scenarioSelect.addEventListener('change', onSelectionChange)
consent.addEventListener('click', onPress)
wireLogin(byTestId<HTMLButtonElement>('login'), byTestId('login-result'), {
  prepare() {
    const choice = selectedRuntime()
    if (choice.runtime !== 'browser') return selectedHost().runtime
    leaveHost()
    configureMock(mockOptionsFor(selectedScenario(), location.origin + '/avatar.svg'))
    return 'browser'
  },
  timeout: readTimeout,
})
describeChoice()
