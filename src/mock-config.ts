import { isRecord } from './normalize.js'
import type { MockOptions } from './types.js'

let mockOptions: MockOptions = {}

/**
 * Configures the browser mock (the `browser` runtime). Each call replaces the previous configuration;
 * `configureMock()` restores the defaults. Other runtimes ignore it, so the call is safe in shared code.
 */
export function configureMock(options: MockOptions = {}): void {
  // Copies, so later changes to the caller's objects do not reach the mock.
  mockOptions = isRecord(options) ? Object.assign({}, options, { profile: Object.assign({}, options.profile) }) : {}
}

export function readMockOptions(): MockOptions {
  return mockOptions
}
