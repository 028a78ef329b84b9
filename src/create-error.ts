import { UserProfileError, type ErrorCode, type ErrorDetails } from './errors.js'
import { normalizeText } from './normalize.js'
import type { RuntimeName } from './types.js'

// What to do about each code, in a few words: every byte ships in every entry. The README's error table says more.
// Messages never carry payload values (names, avatars, raw JSON).
// Codes only some modules raise bring their advice with them, so only those ship its bytes: the fill-in's own codes
// (src/fill-in.ts), and INSUFFICIENT_PERMISSIONS, which only Alipay's 40006 (and the mock that plays it) gives.
export type CodeWithOwnAdvice = 'NICKNAME_REJECTED' | 'AVATAR_UPLOAD_FAILED' | 'INSUFFICIENT_PERMISSIONS'
/** isv.insufficient-isv-permissions: the mini program lacks the member information feature (platforms.md §1.4). */
export const INSUFFICIENT_PERMISSIONS_ADVICE = 'add the member information feature in the console'
const adviceByCode: Record<Exclude<ErrorCode, CodeWithOwnAdvice>, string> = {
  USER_DENIED: 'go on without it; ask again only on a new tap',
  AUTHORIZATION_REQUIRED: 'call it from the authorize button handler',
  NOT_USER_GESTURE: 'call it in the tap handler, before any await',
  PRIVACY_NOT_AUTHORIZED: 'declare it in the privacy agreement; get consent first',
  INVALID_OPTIONS: 'check the options',
  UNSUPPORTED: 'no profile API this build can use',
  TIMEOUT: 'retry, or raise `timeout`',
  MALFORMED_RESPONSE: 'no readable profile in the answer',
  NATIVE_ERROR: 'see nativeCode and nativeMessage',
}

/** The one way errors are built: "<CODE> on <runtime>[ (native code …)]: <advice>". */
export function createError(code: ErrorCode, runtime: RuntimeName | null, details: ErrorDetails = {}): UserProfileError {
  const nativeCode = details.nativeCode
  // Only a code-shaped value is echoed: a hostile host could put anything in a code field.
  const native =
    typeof nativeCode === 'number' || (typeof nativeCode === 'string' && /^[\w.-]{1,16}$/.test(nativeCode)) ? ` (native code ${nativeCode})` : ''
  // A NATIVE_ERROR with no native code or message to look at says so, rather than pointing at nothing.
  const advice =
    details.advice ||
    (code === 'NATIVE_ERROR' && !native && !details.nativeMessage
      ? 'the host gave no reason'
      : (adviceByCode as Partial<Record<ErrorCode, string>>)[code])
  const message = `${code} on ${runtime || 'an unknown runtime'}${native}: ${advice}`
  return new UserProfileError(code, runtime, message, details)
}

/** A native API that threw: NATIVE_ERROR with the thrown message, if one can be read at all. */
export function errorOfThrown(runtime: RuntimeName, thrown: unknown): UserProfileError {
  let nativeMessage: string | undefined
  try {
    nativeMessage = thrown instanceof Error ? normalizeText(thrown.message) : undefined
  } catch {
    // its `message` getter, or its prototype, throws too: nothing to say
  }
  return createError('NATIVE_ERROR', runtime, { nativeMessage })
}
