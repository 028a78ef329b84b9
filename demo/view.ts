// What the playground shows: the raw native answers on one side, the library's result on the other.
// `data-testid="result"` holds only the JSON text once settled; status and advice live beside it.
import { isUserProfileError, type OpenUserInfo } from '../src/index'
import type { HostAnswer, NativeCall } from '../testing/index'

/** Something the host handed the page: a button event or an answer to a native call. */
export interface RawEntry {
  caption: string
  payload: unknown
}

export function byTestId<T extends HTMLElement>(testId: string): T {
  const element = document.querySelector(`[data-testid="${testId}"]`)
  if (!element) throw new Error(`demo/index.html has no element with data-testid="${testId}"`)
  return element as T
}

// JSON has no Infinity (the mock's "never" latency); show it rather than `null`.
const readable = (_key: string, value: unknown) => (value === Infinity ? 'Infinity' : value)
const json = (value: unknown) => JSON.stringify(value, readable, 2)

function append(parent: HTMLElement, tag: string, text: string, testId = ''): HTMLElement {
  const node = document.createElement(tag)
  node.textContent = text
  if (testId) node.setAttribute('data-testid', testId)
  parent.appendChild(node)
  return node
}

function clear(node: HTMLElement): void {
  while (node.firstChild) node.removeChild(node.firstChild)
}

function isSameOrigin(url: string): boolean {
  try {
    return new URL(url, location.href).origin === location.origin
  } catch {
    return false
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'another server'
  }
}

/** `getSystemInfoSync ×4 → getOpenUserInfo`: detection probes repeat, so runs of one API are counted. */
function summarize(nativeCalls: readonly NativeCall[]): string {
  const runs: { api: string; count: number }[] = []
  for (const call of nativeCalls) {
    const last = runs[runs.length - 1]
    if (last && last.api === call.api) last.count += 1
    else runs.push({ api: call.api, count: 1 })
  }
  return runs.map((run) => (run.count > 1 ? `${run.api} ×${run.count}` : run.api)).join(' → ')
}

export function createView() {
  const status = byTestId('status')
  const calls = byTestId('calls')
  const raw = byTestId('raw')
  const preview = byTestId('preview')
  const result = byTestId('result')
  const notes = byTestId('notes')

  const showAvatar = (src: string, alt: string, testId: string) => {
    const avatar = document.createElement('img')
    avatar.src = src
    avatar.alt = alt
    avatar.width = 72
    avatar.height = 72
    avatar.setAttribute('data-testid', testId)
    preview.appendChild(avatar)
  }

  const showStatus = (text: string, kind: '' | 'ok' | 'failed' = '') => {
    status.className = kind ? `status ${kind}` : 'status'
    status.textContent = text
  }

  return {
    showStatus,

    /** Empties both columns: every press starts from a blank result. */
    reset(text: string): void {
      showStatus(text)
      calls.textContent = ''
      clear(raw)
      clear(preview)
      clear(notes)
      result.textContent = ''
    },

    /** The host's side so far; `pending` while the library still waits for it. */
    showRaw(entries: readonly RawEntry[], nativeCalls: readonly NativeCall[], pending: boolean): void {
      calls.textContent = nativeCalls.length ? `Native calls: ${summarize(nativeCalls)}` : ''
      clear(raw)
      for (const entry of entries) {
        append(raw, 'h3', entry.caption)
        append(raw, 'pre', json(entry.payload))
      }
      if (pending) append(raw, 'p', 'No answer yet.', 'no-answer').className = 'hint'
      else if (!entries.length) append(raw, 'p', 'The host answered nothing: the library settled on its own.').className = 'hint'
    },

    /** The browser mock has no host: its "native" answer is what configureMock() was told. */
    showMock(options: object): void {
      clear(raw)
      append(raw, 'p', 'No native host: the browser mock answers as configureMock() says.').className = 'hint'
      append(raw, 'h3', 'configureMock(options)')
      append(raw, 'pre', json(options))
    },

    showProfile(info: OpenUserInfo, placeholder: boolean): void {
      showStatus(placeholder ? 'A placeholder profile was received.' : 'Profile received.', 'ok')
      if (info.avatar && isSameOrigin(info.avatar)) {
        showAvatar(info.avatar, info.nickName ? `Avatar of ${info.nickName}` : 'Avatar', 'avatar')
      } else if (info.avatar) {
        // A host's own image (WeChat's grey avatar on thirdwx.qlogo.cn, Baidu's on b.bdstatic.com): this page works
        // offline, so a local stand-in takes its place; the result and the raw payload keep the host's URL.
        const where = hostOf(info.avatar)
        showAvatar('/stand-in-avatar.svg', `Stand-in for the avatar at ${where}`, 'avatar-stand-in')
        append(notes, 'p', `Local stand-in shown: the host's avatar is at ${where}, and this page loads nothing from the internet.`, 'stand-in-note').className = 'hint'
      }
      if (placeholder) {
        const text = 'isPlaceholderProfile() is true: the host sent a stand-in, not the user\'s profile. Ask the user to fill it in.'
        append(notes, 'p', text, 'placeholder').className = 'note'
      }
      result.textContent = json(info)
    },

    showFailure(error: unknown): void {
      if (!isUserProfileError(error)) {
        showStatus('Something unexpected failed.', 'failed')
        result.textContent = json({ message: String(error) })
        return
      }
      showStatus(`Failed with ${error.code}.`, 'failed')
      result.textContent = json({ code: error.code, message: error.message })
      // Messages read "<CODE> on <runtime>[ (native code …)]: <advice>"; the advice is what a person can act on.
      const colon = error.message.indexOf(': ')
      const advice = colon === -1 ? error.message : error.message.slice(colon + 2)
      append(notes, 'p', `What to do: ${advice}`, 'advice').className = 'advice'
    },
  }
}

export type View = ReturnType<typeof createView>

/** Captions the host's answers as `getOpenUserInfo → success`. */
export function answerEntries(answers: readonly HostAnswer[]): RawEntry[] {
  return answers.map((answer) => ({ caption: `${answer.api} → ${answer.callback}`, payload: answer.payload }))
}
