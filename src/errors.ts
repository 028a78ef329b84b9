import type { RuntimeName } from './types.js'

export const ERROR_CODES = [
  'USER_DENIED',
  'INSUFFICIENT_PERMISSIONS',
  'AUTHORIZATION_REQUIRED',
  'NOT_USER_GESTURE',
  'PRIVACY_NOT_AUTHORIZED',
  'INVALID_OPTIONS',
  'UNSUPPORTED',
  'TIMEOUT',
  'MALFORMED_RESPONSE',
  'NATIVE_ERROR',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorDetails {
  nativeCode?: string | number
  nativeMessage?: string
  subCode?: string
  subMessage?: string
  /** Overrides the standard advice for this code. */
  advice?: string
}

/** Every failure of this library: check `error.code` (stable) rather than the message. */
export class UserProfileError extends Error {
  override readonly name = 'UserProfileError'
  readonly code: ErrorCode
  readonly runtime: RuntimeName | null
  readonly nativeCode?: string | number
  readonly nativeMessage?: string
  readonly subCode?: string
  readonly subMessage?: string

  constructor(code: ErrorCode, runtime: RuntimeName | null, message: string, details: ErrorDetails = {}) {
    super(message)
    // ES2015 output of `extends Error` keeps the prototype, but older engines' transpiled hosts do not.
    Object.setPrototypeOf(this, new.target.prototype)
    this.code = code
    this.runtime = runtime
    if (details.nativeCode !== undefined) this.nativeCode = details.nativeCode
    if (details.nativeMessage !== undefined) this.nativeMessage = details.nativeMessage
    if (details.subCode !== undefined) this.subCode = details.subCode
    if (details.subMessage !== undefined) this.subMessage = details.subMessage
  }
}

/** True for a `UserProfileError` from any copy of this library (checks `name` and `code`, not the class). */
export function isUserProfileError(value: unknown): value is UserProfileError {
  return (
    value instanceof Error &&
    value.name === 'UserProfileError' &&
    'code' in value &&
    (ERROR_CODES as readonly unknown[]).indexOf(value.code) !== -1
  )
}
