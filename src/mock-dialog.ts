// The browser mock's consent dialog. Only `configureMock({ prompt: true })` reaches it (see mock-config.ts), so a
// bundle that never calls configureMock ships none of this.
import { readHostValue } from './host.js'
import { isRecord } from './normalize.js'

const BUTTON_STYLE = 'margin-left:8px;padding:8px 16px;border-radius:8px;font:inherit;cursor:pointer;'
let dialogCount = 0

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

/**
 * A modal like a wallet's authorisation page: labelled, focus kept inside, Escape denies, focus restored after.
 * Returns false, showing nothing, when `doc` is not a document with a body.
 */
export function showConsentDialog(doc: unknown, desc: string, decide: (allowed: boolean) => void): boolean {
  if (!isDocument(doc)) return false
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
  return true
}
