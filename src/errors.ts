import type { RuntimeName } from './types.js'

export const ERROR_CODES = [
  'USER_DENIED',
  'INSUFFICIENT_PERMISSIONS',
  'AUTHORIZATION_REQUIRED',
  'NOT_USER_GESTURE',
  'PRIVACY_NOT_AUTHORIZED',
  'NICKNAME_REJECTED',
  'AVATAR_UPLOAD_FAILED',
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

const DETAIL_KEYS = ['nativeCode', 'nativeMessage', 'subCode', 'subMessage'] as const

/** Every failure of this library: check `error.code` (stable) rather than the message. */
export class UserProfileError extends Error {
  declare readonly name: 'UserProfileError'
  declare readonly code: ErrorCode
  declare readonly runtime: RuntimeName | null
  declare readonly nativeCode?: string | number
  declare readonly nativeMessage?: string
  declare readonly subCode?: string
  declare readonly subMessage?: string

  constructor(code: ErrorCode, runtime: RuntimeName | null, message: string, details: ErrorDetails = {}) {
    super(message)
    // ES2015 output of `extends Error` keeps the prototype, but older engines' transpiled hosts do not.
    Object.setPrototypeOf(this, new.target.prototype)
    // Own data properties, defined rather than assigned: after an SES-style lockdown (Error.prototype frozen) an
    // assignment to `name` throws, and a setter planted on Object.prototype would swallow an assigned key.
    const define = (key: string, value: unknown) => Object.defineProperty(this, key, { value, enumerable: true })
    define('name', 'UserProfileError')
    define('code', code)
    define('runtime', runtime)
    // Only the fields that have a value become properties (never `advice`, never an `undefined` key).
    for (const key of DETAIL_KEYS) if (details[key] !== undefined) define(key, details[key])
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
