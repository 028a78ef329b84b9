import { UserProfileError, type ErrorCode, type ErrorDetails } from './errors.js'
import type { RuntimeName } from './types.js'

// What a caller should do about each code. Messages never carry payload values (names, avatars, raw JSON).
const adviceByCode: Record<ErrorCode, string> = {
  USER_DENIED:
    'The user declined to share their profile. Continue without it or let them type it in; ask again only on a new press.',
  INSUFFICIENT_PERMISSIONS:
    'This mini program lacks the "basic member information" feature. Add it in the developer console.',
  AUTHORIZATION_REQUIRED:
    'The user has not authorised the profile yet. Call getUserProfile() from the authorize button handler (see getAuthorizeButton()).',
  NOT_USER_GESTURE:
    'The host shows the consent popup only during a tap. Call getUserProfile() synchronously in the tap handler, before any await.',
  PRIVACY_NOT_AUTHORIZED:
    'The user has not accepted the privacy agreement, or it does not declare the profile. Declare it and obtain privacy consent first.',
  INVALID_OPTIONS: 'The options passed are not valid.',
  UNSUPPORTED: 'This host offers no profile API this build can use.',
  TIMEOUT: 'The host did not answer in time. Let the user retry, or raise `timeout` on slow networks.',
  MALFORMED_RESPONSE:
    'The host answered with no readable profile; nothing was returned rather than wrong data. Report the host and version.',
  NATIVE_ERROR: 'The host reported an error. See nativeCode and nativeMessage; retrying later may help.',
}

/** The one way errors are built, so every field and message is filled the same way. */
export function createError(code: ErrorCode, runtime: RuntimeName | null, details: ErrorDetails = {}): UserProfileError {
  const nativeCode = details.nativeCode
  // Only a code-shaped value is echoed: a hostile host could put anything in a code field.
  const native =
    typeof nativeCode === 'number' || (typeof nativeCode === 'string' && /^[\w.-]{1,16}$/.test(nativeCode))
      ? ` (native code ${nativeCode})`
      : ''
  const advice = details.advice === undefined ? adviceByCode[code] : details.advice
  const message = `${code} on ${runtime === null ? 'an unknown runtime' : runtime}${native}: ${advice}`
  return new UserProfileError(code, runtime, message, details)
}
