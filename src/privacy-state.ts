// Set by onPrivacyConsent only while a host's privacy step waits for the page: a profile call the host holds
// meanwhile then times out with that cause instead of a bare TIMEOUT (platforms.md §17.1–§17.2). A hook, so the
// getUserProfile-only consumer ships no privacy code, only this check.
import type { UserProfileError } from './errors.js'
import type { RuntimeName } from './types.js'

export const heldByPrivacy: { error?: (runtime: RuntimeName) => UserProfileError } = {}
