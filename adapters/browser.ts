import type { Adapter, NativeCallbacks } from '../src/adapter.js'
import { createError } from '../src/create-error.js'
import type { ErrorCode, UserProfileError } from '../src/errors.js'
import { readDocument, readWindow } from '../src/globals.js'
import { readMockOptions } from '../src/mock-config.js'
import { isRecord, readField, readHostValue, toOpenUserInfo } from '../src/normalize.js'
import type { MockOutcome, OpenUserInfo } from '../src/types.js'

// Clearly fake, so a demo screenshot can never be mistaken for a real account.
const DEMO_PROFILE = { nickName: 'Mock User (demo)', avatar: '', gender: 'F', nationality: 'SG' }

// The mock's own "native" failures: `fail({ outcome })`.
const mockOutcomeCodes = new Map<unknown, ErrorCode>([
  ['deny', 'USER_DENIED'],
  ['insufficient-permissions', 'INSUFFICIENT_PERMISSIONS'],
  ['timeout', 'TIMEOUT'],
  ['error', 'NATIVE_ERROR'],
])

const BUTTON_STYLE = 'margin-left:8px;padding:8px 16px;border-radius:8px;font:inherit;cursor:pointer;'
let dialogCount = 0

function mapSuccess(nativePayload: unknown): OpenUserInfo | UserProfileError {
  if (!isRecord(nativePayload)) return createError('MALFORMED_RESPONSE', 'browser')
  return toOpenUserInfo({
    avatar: readField(nativePayload, 'avatar'),
    gender: readField(nativePayload, 'gender'),
    nationality: readField(nativePayload, 'nationality'),
    nickName: readField(nativePayload, 'nickName'),
  })
}

function mapFailure(nativePayload: unknown): UserProfileError {
  const outcome = readField(nativePayload, 'outcome')
  return createError(mockOutcomeCodes.get(outcome) || 'NATIVE_ERROR', 'browser', {
    nativeCode: typeof outcome === 'string' ? outcome : undefined,
  })
}

function answer(outcome: MockOutcome, profile: object, callbacks: NativeCallbacks): void {
  if (outcome === 'grant') callbacks.success(profile)
  else callbacks.fail({ outcome })
}

function isDocument(value: unknown): value is Document {
  return typeof readHostValue(value, 'createElement') === 'function' && isRecord(readHostValue(value, 'body'))
}

function createButton(doc: Document, label: string, testId: string, primary: boolean): HTMLButtonElement {
  const button = doc.createElement('button')
  button.type = 'button'
  button.textContent = label
  button.setAttribute('data-testid', testId)
  // Own colours for both, so a host page's button styles cannot hide the label.
  button.style.cssText = BUTTON_STYLE + (primary ? 'background:#1677ff;color:#fff;border:0' : 'background:#fff;color:#111;border:1px solid #999')
  return button
}

/** A modal like a wallet's authorisation page: labelled, focus kept inside, Escape denies, focus restored after. */
function showConsentDialog(doc: Document, desc: string, decide: (allowed: boolean) => void): void {
  const id = `mini-user-profile-consent-${++dialogCount}`
  // A dialog left from an abandoned call (its caller timed out) gives way to the new one.
  const stale = doc.querySelector('[data-mini-user-profile-consent]')
  if (stale && stale.parentNode) stale.parentNode.removeChild(stale)
  const overlay = doc.createElement('div')
  overlay.setAttribute('data-mini-user-profile-consent', '')
  overlay.style.cssText =
    'position:fixed;top:0;left:0;right:0;bottom:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483647'
  const dialog = doc.createElement('div')
  dialog.setAttribute('role', 'dialog')
  dialog.setAttribute('aria-modal', 'true')
  dialog.setAttribute('aria-labelledby', `${id}-title`)
  dialog.setAttribute('aria-describedby', `${id}-desc`)
  dialog.style.cssText = 'background:#fff;color:#111;border-radius:12px;padding:20px;max-width:320px;font:15px/1.4 system-ui,sans-serif'
  const title = doc.createElement('h2')
  title.id = `${id}-title`
  title.textContent = 'Share your profile?'
  title.style.cssText = 'margin:0 0 8px;font-size:18px'
  const text = doc.createElement('p')
  text.id = `${id}-desc`
  text.textContent = `${desc} This is the browser mock: it shares a demo profile, never a real account.`
  const actions = doc.createElement('div')
  actions.style.cssText = 'text-align:right;margin-top:16px'
  const deny = createButton(doc, 'Deny', 'deny', false)
  const allow = createButton(doc, 'Allow', 'allow', true)
  const previousFocus = doc.activeElement
  const close = (allowed: boolean) => {
    if (overlay.parentNode) overlay.parentNode.removeChild(overlay)
    if (previousFocus && 'focus' in previousFocus && typeof previousFocus.focus === 'function') previousFocus.focus()
    decide(allowed)
  }
  allow.onclick = () => close(true)
  deny.onclick = () => close(false)
  dialog.onkeydown = (event) => {
    if (event.key === 'Escape') close(false)
    if (event.key !== 'Tab') return
    event.preventDefault() // keep focus on the two choices while the modal is open
    ;(doc.activeElement === allow ? deny : allow).focus()
  }
  actions.appendChild(deny)
  actions.appendChild(allow)
  dialog.appendChild(title)
  dialog.appendChild(text)
  dialog.appendChild(actions)
  overlay.appendChild(dialog)
  doc.body.appendChild(overlay)
  allow.focus()
}

/** The browser mock for H5 pages, demos and tests: no host API, answers from `configureMock()`. */
export const browser: Adapter = {
  runtime: 'browser',
  authorizeButton: { event: 'click' },
  readGlobals: () => ({ window: readWindow(), document: readDocument() }),

  detect(globals) {
    return isRecord(readHostValue(globals, 'window')) && isRecord(readHostValue(globals, 'document'))
  },

  request(globals, options, callbacks) {
    const mock = readMockOptions()
    const outcome = mock.outcome === undefined ? 'grant' : mock.outcome
    const latency = mock.latency
    if (outcome !== 'grant' && !mockOutcomeCodes.has(outcome)) {
      return createError('INVALID_OPTIONS', 'browser', { advice: 'configureMock outcome must be grant, deny, insufficient-permissions, timeout or error.' })
    }
    // Everything is read now, so a configureMock() while the call is pending does not change its answer.
    const profile = Object.assign({}, DEMO_PROFILE, mock.profile)
    const delay = typeof latency === 'number' && latency > 0 ? latency : 0
    const later = (chosen: MockOutcome) => {
      if (delay < Infinity) setTimeout(() => answer(chosen, profile, callbacks), delay) // Infinity: a host that never answers
    }
    if (!mock.prompt) {
      later(outcome)
      return undefined
    }
    const doc = readHostValue(globals, 'document')
    if (!isDocument(doc)) {
      return createError('UNSUPPORTED', 'browser', { advice: 'configureMock({ prompt: true }) needs a page with a document body.' })
    }
    const desc = options.desc === undefined ? 'This page asks for your avatar and nickname.' : options.desc
    showConsentDialog(doc, desc, (allowed) => later(allowed ? outcome : 'deny'))
    return undefined
  },

  mapSuccess,
  mapFailure,
}
