// The simulated host's authorisation page: what a wallet shows when the user presses its `getAuthorize` button
// (or QQ, Baidu… their `getUserInfo` button). A modal sheet: labelled, focus kept on its two choices, Escape denies.

import type { UserChoice } from '../testing/index'

/** The user's pick on the page: the kit's one word for it. */
export type Choice = UserChoice

const SHEET_ATTRIBUTE = 'data-authorization-page'

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  if (text) node.textContent = text
  return node
}

function choiceButton(label: string, choice: Choice): HTMLButtonElement {
  const button = element('button', `sheet-${choice}`, label)
  button.type = 'button'
  button.setAttribute('data-testid', choice)
  return button
}

/** Removes an authorisation page left open by an earlier press. */
export function closeAuthorizationPage(): void {
  const open = document.querySelector(`[${SHEET_ATTRIBUTE}]`)
  if (open && open.parentNode) open.parentNode.removeChild(open)
}

/** What the sheet asks: the profile authorisation by default; the privacy popup and the avatar chooser say their own. */
export interface SheetText {
  kind: string
  title: string
  text: string
  scope: string
}

/** The profile authorisation page, listing `fields` (what this host's grant shares). */
export function profileSheet(fields: string): SheetText {
  return {
    kind: 'simulated authorisation page',
    title: 'Playground mini program',
    text: 'asks for your basic profile:',
    scope: fields,
  }
}

/** Shows `host`'s authorisation page; `decide` runs inside the click on Allow or Deny, once. */
export function showAuthorizationPage(host: string, decide: (choice: Choice) => void, wording: SheetText): void {
  closeAuthorizationPage()
  const overlay = element('div', 'sheet-overlay')
  overlay.setAttribute(SHEET_ATTRIBUTE, '')
  const sheet = element('div', 'sheet')
  sheet.setAttribute('role', 'dialog')
  sheet.setAttribute('aria-modal', 'true')
  sheet.setAttribute('aria-labelledby', 'sheet-title')
  sheet.setAttribute('aria-describedby', 'sheet-text')
  const brand = element('p', 'sheet-host', `${host} · ${wording.kind}`)
  const title = element('h2', '', wording.title)
  title.id = 'sheet-title'
  const text = element('p', '', wording.text)
  text.id = 'sheet-text'
  const scope = element('ul', 'sheet-scope')
  scope.appendChild(element('li', '', wording.scope))
  const actions = element('div', 'sheet-actions')
  const deny = choiceButton('Deny', 'deny')
  const allow = choiceButton('Allow', 'allow')
  const previousFocus = document.activeElement
  let decided = false
  const close = (choice: Choice) => {
    if (decided) return
    decided = true
    closeAuthorizationPage()
    if (previousFocus instanceof HTMLElement) previousFocus.focus()
    decide(choice)
  }
  allow.addEventListener('click', () => close('allow'))
  deny.addEventListener('click', () => close('deny'))
  sheet.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close('deny')
    if (event.key !== 'Tab') return
    event.preventDefault() // the page behind is inert while the sheet is open
    ;(document.activeElement === allow ? deny : allow).focus()
  })
  actions.appendChild(deny)
  actions.appendChild(allow)
  for (const part of [brand, title, text, scope, actions]) sheet.appendChild(part)
  overlay.appendChild(sheet)
  document.body.appendChild(overlay)
  allow.focus()
}
