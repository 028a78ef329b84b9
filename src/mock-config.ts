import { showConsentDialog } from './mock-dialog.js'
import { isRecord } from './normalize.js'
import type { MockOptions } from './types.js'

let mockOptions: MockOptions = {}
// Set only here, so the dialog's code is bundled only by apps that call configureMock.
let consentDialog: typeof showConsentDialog | undefined

/**
 * Configures the browser mock (the `browser` runtime). Each call replaces the previous configuration;
 * `configureMock()` restores the defaults. Other runtimes ignore it, so the call is safe in shared code.
 */
export function configureMock(options: MockOptions = {}): void {
  // Copies, so later changes to the caller's objects do not reach the mock.
  mockOptions = isRecord(options) ? Object.assign({}, options, { profile: Object.assign({}, options.profile) }) : {}
  consentDialog = mockOptions.prompt ? showConsentDialog : undefined
}

export function readMockOptions(): MockOptions {
  return mockOptions
}

/** The consent dialog to show, when `configureMock({ prompt: true })` asked for one. */
export function readConsentDialog(): typeof showConsentDialog | undefined {
  return consentDialog
}
