import { showConsentDialog } from './mock-dialog.js'
import { isRecord } from './normalize.js'
import type { MockOptions } from './types.js'

// Undefined until the page opts in: a plain web page (an H5 build, a page in a WeChat or Alipay web-view) has no
// client profile API, and a fake profile there would be stored as a real user's (platforms.md §17.4).
let mockOptions: MockOptions | undefined
// Set only here, so the dialog's code is bundled only by apps that call configureMock.
let consentDialog: typeof showConsentDialog | undefined

/**
 * Turns the browser mock (the `browser` runtime) on and configures it: until a page calls it, a web page's
 * `getUserProfile()` rejects `UNSUPPORTED`. Each call replaces the previous configuration; `configureMock()` restores
 * the defaults and `configureMock({ enabled: false })` turns the mock off again. Other runtimes ignore it.
 */
export function configureMock(options: MockOptions = {}): void {
  // Copies, so later changes to the caller's objects do not reach the mock.
  let copy: MockOptions = {}
  try {
    if (isRecord(options)) copy = Object.assign({}, options, { profile: Object.assign({}, options.profile) })
  } catch {
    // unreadable options (a throwing getter, a hostile Proxy): the page still opted in, with the defaults
  }
  mockOptions = copy.enabled === false ? undefined : copy
  consentDialog = mockOptions && mockOptions.prompt ? showConsentDialog : undefined
}

/** The mock's configuration, or `undefined` while the page has not opted in. */
export function readMockOptions(): MockOptions | undefined {
  return mockOptions
}

/** The consent dialog to show, when `configureMock({ prompt: true })` asked for one. */
export function readConsentDialog(): typeof showConsentDialog | undefined {
  return consentDialog
}
