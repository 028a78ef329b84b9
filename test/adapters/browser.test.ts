// @vitest-environment happy-dom
// The browser mock: configureMock() decides the answer; `prompt: true` shows an accessible consent dialog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { adapter as browser } from '../../adapters/browser'
import { getUserProfile } from '../../src/index'
import { configureMock } from '../../src/mock-config'
import type { MockOptions } from '../../src/types'
import { createMy } from '../../testing/my'
import { createWx } from '../../testing/wx'
import { callbacks, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const pageGlobals = () => ({ window, document })
const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')
const button = (testId: 'allow' | 'deny') => document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)
const pressKey = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))

beforeEach(() => {
  vi.useFakeTimers()
  configureMock() // the page opts in; "without the opt-in" below turns it off
})

afterEach(() => {
  configureMock({ enabled: false })
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('browser.detect', () => {
  it.each([
    ['a page with window and document', () => pageGlobals(), true],
    ['window without document', () => ({ window }), false],
    ['document without window', () => ({ document }), false],
    ['a mini program host (my)', () => ({ my: createMy().my }), false],
    ['a mini program host (wx)', () => ({ wx: createWx().wx, __wxConfig: {} }), false],
    ['no globals', () => ({}), false],
  ])('tells whether %s is a browser (%s)', (_variant, globals, expected) => {
    expect(browser.detect(globals())).toBe(expected)
  })
})

// A plain web page (an H5 build, a WeChat or Alipay web-view) has no client profile API (platforms.md §17.4): a fake
// profile there would be stored as a real user's.
describe('browser.request without the opt-in', () => {
  const expectUnsupported = (error: unknown) => {
    expect(errorFields(error)).toMatchObject({ code: 'UNSUPPORTED', runtime: 'browser' })
    expect((error as Error).message).toContain("get the profile from the host's OAuth on your server")
    expect((error as Error).message).toContain('configureMock()')
  }

  it.each([
    ['before any configureMock()', () => configureMock({ enabled: false })],
    ['after configureMock({ enabled: false })', () => configureMock({ enabled: false, outcome: 'grant', profile: { nickName: 'Ana' } })],
  ])('rejects UNSUPPORTED and answers nothing %s', (_when, turnOff) => {
    turnOff()
    const settle = callbacks()
    expectUnsupported(browser.request(pageGlobals(), { desc: undefined }, settle))
    vi.runAllTimers()
    expect(settle.success).not.toHaveBeenCalled()
    expect(settle.fail).not.toHaveBeenCalled()
  })

  it('rejects the root entry\'s getUserProfile() in a plain page, and answers once the page opted in', async () => {
    configureMock({ enabled: false })
    vi.useRealTimers()
    const error = await getUserProfile().catch((caught: unknown) => caught)
    expectUnsupported(error)
    configureMock()
    await expect(getUserProfile()).resolves.toMatchObject({ code: '10000' })
  })
})

describe('configureMock with unreadable options (found in review)', () => {
  it.each([
    ['a throwing profile getter', () => Object.defineProperty({}, 'profile', { get() { throw new Error('x') }, enumerable: true })],
    ['a Proxy whose ownKeys throws', () => new Proxy({}, { ownKeys() { throw new Error('x') } })],
  ])('never throws for %s, and opts in with the defaults', (_title, make) => {
    configureMock({ enabled: false })
    expect(() => configureMock(make() as never)).not.toThrow()
    const settle = callbacks()
    expect(browser.request(pageGlobals(), { desc: undefined }, settle)).toBeUndefined()
    vi.runAllTimers()
    expect(mappedAnswer(browser, settle)).toMatchObject({ code: '10000' })
  })
})

describe('browser.request with configureMock outcomes', () => {
  it('grants the demo profile by default, never synchronously', () => {
    const settle = callbacks()
    expect(browser.request(pageGlobals(), { desc: undefined }, settle)).toBeUndefined()
    expect(settle.success).not.toHaveBeenCalled()
    vi.runAllTimers()
    const info = mappedAnswer(browser, settle)
    expect(Object.keys(info as object).sort()).toEqual(SIX_KEYS)
    expect(info).toMatchObject({ code: '10000', msg: 'Success' })
  })

  it.each([
    [
      'a full profile',
      { nickName: 'Ana', avatar: 'https://example.com/ana.png', gender: 'M', nationality: 'pt' },
      { code: '10000', msg: 'Success', avatar: 'https://example.com/ana.png', gender: 'M', nationality: 'PT', nickName: 'Ana' },
    ],
    [
      'unusable values',
      { nickName: '中'.repeat(50), avatar: 'javascript:alert(1)', nationality: 'Portugal' },
      { avatar: '', nationality: '', nickName: '中'.repeat(42) },
    ],
  ])('grants %s normalised like a native payload', (_variant, profile, expected) => {
    configureMock({ outcome: 'grant', profile: profile as MockOptions['profile'] })
    const settle = callbacks()
    browser.request(pageGlobals(), { desc: undefined }, settle)
    vi.runAllTimers()
    expect(mappedAnswer(browser, settle)).toMatchObject(expected)
  })

  it.each([
    ['deny', 'USER_DENIED'],
    ['insufficient-permissions', 'INSUFFICIENT_PERMISSIONS'],
    ['timeout', 'TIMEOUT'],
    ['error', 'NATIVE_ERROR'],
  ] as const)('fails with the %s outcome as %s', (outcome, code) => {
    configureMock({ outcome })
    const settle = callbacks()
    expect(browser.request(pageGlobals(), { desc: undefined }, settle)).toBeUndefined()
    vi.runAllTimers()
    expect(settle.success).not.toHaveBeenCalled()
    expect(errorFields(mappedAnswer(browser, settle))).toMatchObject({ code, runtime: 'browser' })
  })

  it('answers only after the configured latency', () => {
    configureMock({ outcome: 'deny', latency: 300 })
    const settle = callbacks()
    browser.request(pageGlobals(), { desc: undefined }, settle)
    vi.advanceTimersByTime(299)
    expect(settle.fail).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(settle.fail).toHaveBeenCalledTimes(1)
  })

  it('returns INVALID_OPTIONS for an outcome it does not know', () => {
    configureMock({ outcome: 'maybe' as MockOptions['outcome'] })
    const settle = callbacks()
    expect(errorFields(browser.request(pageGlobals(), { desc: undefined }, settle)).code).toBe('INVALID_OPTIONS')
    vi.runAllTimers()
    expect(settle.success).not.toHaveBeenCalled()
    expect(settle.fail).not.toHaveBeenCalled()
  })

  it('returns to the default grant after configureMock() resets it', () => {
    configureMock({ outcome: 'deny' })
    configureMock()
    const settle = callbacks()
    browser.request(pageGlobals(), { desc: undefined }, settle)
    vi.runAllTimers()
    expect(settle.success).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['null', null],
    ['a string', 'grant'],
  ])('maps a success payload that is %s to MALFORMED_RESPONSE', (_variant, raw) => {
    expect(errorFields(browser.mapSuccess(raw)).code).toBe('MALFORMED_RESPONSE')
  })
})

describe('browser.request with prompt: true', () => {
  function openPrompt(options: MockOptions = {}, desc?: string) {
    const before = document.createElement('button')
    before.textContent = 'Get profile'
    document.body.appendChild(before)
    before.focus()
    configureMock({ prompt: true, ...options })
    const settle = callbacks()
    expect(browser.request(pageGlobals(), { desc }, settle)).toBeUndefined()
    return { before, settle }
  }

  it('shows a labelled modal dialog with the focus on Allow', () => {
    openPrompt()
    const shown = dialog()
    expect(shown).not.toBeNull()
    expect(shown?.getAttribute('aria-modal')).toBe('true')
    const titleId = shown?.getAttribute('aria-labelledby') ?? ''
    expect(titleId).not.toBe('')
    const title = document.getElementById(titleId)
    expect(shown?.contains(title)).toBe(true)
    expect(title?.textContent?.trim()).not.toBe('')
    expect(button('allow')?.textContent).toBe('Allow')
    expect(button('deny')?.textContent).toBe('Deny')
    expect(document.activeElement).toBe(button('allow'))
  })

  it('waits for the user and does not answer before a choice', () => {
    const { settle } = openPrompt()
    vi.runAllTimers()
    expect(settle.success).not.toHaveBeenCalled()
    expect(settle.fail).not.toHaveBeenCalled()
  })

  it.each([
    ['Allow', () => button('allow')?.click(), { code: '10000' }],
    ['Deny', () => button('deny')?.click(), { code: 'USER_DENIED', runtime: 'browser' }],
    ['Escape', () => pressKey(button('allow') as HTMLElement, 'Escape'), { code: 'USER_DENIED', runtime: 'browser' }],
  ])('settles on %s, removes the dialog and restores the focus', (_choice, choose, expected) => {
    const { before, settle } = openPrompt()
    choose()
    expect(dialog()).toBeNull()
    expect(document.activeElement).toBe(before)
    vi.runAllTimers()
    expect(mappedAnswer(browser, settle)).toMatchObject(expected)
  })

  it('keeps the configured outcome when the user allows', () => {
    const { settle } = openPrompt({ outcome: 'insufficient-permissions' })
    button('allow')?.click()
    vi.runAllTimers()
    expect(errorFields(mappedAnswer(browser, settle)).code).toBe('INSUFFICIENT_PERMISSIONS')
  })

  it('applies the latency after the choice', () => {
    const { settle } = openPrompt({ latency: 200 })
    button('allow')?.click()
    vi.advanceTimersByTime(199)
    expect(settle.success).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(settle.success).toHaveBeenCalledTimes(1)
  })

  it('keeps the focus on Allow and Deny when Tab is pressed', () => {
    openPrompt()
    pressKey(button('allow') as HTMLElement, 'Tab')
    expect(document.activeElement).toBe(button('deny'))
    pressKey(button('deny') as HTMLElement, 'Tab')
    expect(document.activeElement).toBe(button('allow'))
  })

  it('shows desc as text, never as HTML', () => {
    const desc = '<img src=x onerror=alert(1)>'
    openPrompt({}, desc)
    expect(document.querySelector('img')).toBeNull()
    expect(dialog()?.textContent).toContain(desc)
  })

  it('returns UNSUPPORTED when the page has no document', () => {
    configureMock({ prompt: true })
    expect(errorFields(browser.request({ window }, { desc: undefined }, callbacks())).code).toBe('UNSUPPORTED')
  })
})

describe('browser.request timing', () => {
  it('never answers when latency is Infinity, like a host that hangs', () => {
    configureMock({ latency: Infinity })
    const settle = callbacks()
    expect(browser.request(pageGlobals(), {}, settle)).toBeUndefined()
    vi.advanceTimersByTime(10 * 60 * 1000)
    expect(settle.success).not.toHaveBeenCalled()
    expect(settle.fail).not.toHaveBeenCalled()
  })

  it('answers with the configuration of the moment it was called', () => {
    configureMock({ latency: 50, profile: { nickName: 'First' } })
    const settle = callbacks()
    browser.request(pageGlobals(), {}, settle)
    configureMock({ outcome: 'deny', profile: { nickName: 'Second' } })
    vi.advanceTimersByTime(50)
    expect(mappedAnswer(browser, settle)).toMatchObject({ nickName: 'First' })
  })

  it('replaces a dialog left open by an abandoned call instead of stacking a second one', () => {
    configureMock({ prompt: true })
    browser.request(pageGlobals(), {}, callbacks())
    const settle = callbacks()
    browser.request(pageGlobals(), {}, settle)
    expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(1)
    button('allow')!.click()
    vi.advanceTimersByTime(0)
    expect(mappedAnswer(browser, settle)).toMatchObject({ code: '10000' })
  })
})
