// The playground page: real library code from source, driven through the browser mock.
// demo/server.mjs bundles this file as an IIFE for the page; it runs once, after the markup it wires.
import { configureMock, detectRuntime, getAuthorizeButton, getUserProfile, isUserProfileError } from '../src/index'
import type { MockOutcome, OpenUserInfo } from '../src/index'

const OUTCOMES: readonly MockOutcome[] = ['grant', 'deny', 'insufficient-permissions', 'timeout', 'error']
const DEFAULT_LATENCY_MS = 300

function byTestId<T extends HTMLElement>(testId: string): T {
  const element = document.querySelector(`[data-testid="${testId}"]`)
  if (!element) throw new Error(`demo/index.html has no element with data-testid="${testId}"`)
  return element as T
}

const scenario = byTestId<HTMLSelectElement>('scenario')
const prompt = byTestId<HTMLInputElement>('prompt')
const latency = byTestId<HTMLInputElement>('latency')
const consent = byTestId<HTMLButtonElement>('consent')
const status = byTestId<HTMLElement>('status')
const details = byTestId<HTMLElement>('details')
const runtime = byTestId<HTMLElement>('runtime')

// Only the latest press may write the result, so a slow earlier answer never overwrites a newer one.
let currentPress = 0

function readOutcome(): MockOutcome {
  for (const outcome of OUTCOMES) if (outcome === scenario.value) return outcome
  return 'grant'
}

function readLatency(): number {
  const value = latency.value.trim() === '' ? DEFAULT_LATENCY_MS : Number(latency.value)
  return isFinite(value) && value > 0 ? value : 0
}

function append(tag: string, className: string, text: string): HTMLElement {
  const element = document.createElement(tag)
  if (className) element.className = className
  element.textContent = text
  details.appendChild(element)
  return element
}

function showStatus(text: string, kind: '' | 'ok' | 'failed'): void {
  while (details.firstChild) details.removeChild(details.firstChild)
  status.className = kind ? `status ${kind}` : 'status'
  status.textContent = text
}

function showProfile(info: OpenUserInfo): void {
  showStatus('Profile received.', 'ok')
  if (info.avatar) {
    const avatar = document.createElement('img')
    avatar.src = info.avatar
    avatar.alt = info.nickName ? `Avatar of ${info.nickName}` : 'Avatar'
    avatar.width = 72
    avatar.height = 72
    avatar.setAttribute('data-testid', 'avatar')
    details.appendChild(avatar)
  }
  append('pre', '', JSON.stringify(info, null, 2)).setAttribute('data-testid', 'json')
}

function showFailure(error: unknown): void {
  if (!isUserProfileError(error)) {
    showStatus('Something unexpected failed.', 'failed')
    append('pre', '', JSON.stringify({ message: String(error) }, null, 2)).setAttribute('data-testid', 'json')
    return
  }
  showStatus(`Failed with ${error.code}.`, 'failed')
  append('pre', '', JSON.stringify({ code: error.code, message: error.message }, null, 2)).setAttribute('data-testid', 'json')
  // Messages read "<CODE> on <runtime>[ (native code …)]: <advice>"; the advice is what a person can act on.
  const colon = error.message.indexOf(': ')
  const advice = colon === -1 ? error.message : error.message.slice(colon + 2)
  append('p', 'advice', `What to do: ${advice}`).setAttribute('data-testid', 'advice')
}

function onPress(): void {
  const press = ++currentPress
  configureMock({
    outcome: readOutcome(),
    latency: readLatency(),
    prompt: prompt.checked,
    profile: { nickName: 'Demo Ana', avatar: location.origin + '/avatar.svg', gender: 'F', nationality: 'SG' },
  })
  showStatus('Waiting…', '')
  // Called synchronously inside the click: real hosts show their consent popup only during the tap.
  getUserProfile({ desc: 'The playground shows your avatar and nickname.' }).then(
    (info) => {
      if (press === currentPress) showProfile(info)
    },
    (error: unknown) => {
      if (press === currentPress) showFailure(error)
    },
  )
}

const button = getAuthorizeButton()
runtime.textContent = `Runtime: ${String(detectRuntime())} · consent control: ${JSON.stringify(button)}`
consent.addEventListener(button ? button.event : 'click', onPress)
