import type { Adapter, NativeCallbacks } from '../src/adapter.js'
import { createError, INSUFFICIENT_PERMISSIONS_ADVICE } from '../src/create-error.js'
import type { ErrorCode, UserProfileError } from '../src/errors.js'
import { readConsentDialog, readMockOptions } from '../src/mock-config.js'
import { readHostValue } from '../src/host.js'
import { isRecord, readField, toOpenUserInfo } from '../src/normalize.js'
import type { MockOutcome, OpenUserInfo } from '../src/types.js'
import type { LoginMethod } from '../src/login.js'
import { loginCodeOf } from '../src/login-code.js'

// The host globals this runtime reads (see Adapter.readGlobals).
declare const window: unknown
declare const document: unknown

// Clearly fake, so a demo screenshot can never be mistaken for a real account.
const DEMO_PROFILE = { nickName: 'Mock User (demo)', avatar: '', gender: 'F', nationality: 'SG' }

// The mock's own "native" failures: `fail({ outcome })`.
const mockOutcomeCodes = new Map<unknown, ErrorCode>([
  ['deny', 'USER_DENIED'],
  ['insufficient-permissions', 'INSUFFICIENT_PERMISSIONS'],
  ['timeout', 'TIMEOUT'],
  ['error', 'NATIVE_ERROR'],
])

function mapSuccess(nativePayload: unknown): OpenUserInfo | UserProfileError {
  if (!isRecord(nativePayload)) return createError('MALFORMED_RESPONSE', 'browser')
  return toOpenUserInfo({
    avatar: readField(nativePayload, 'avatar'),
    gender: readField(nativePayload, 'gender'),
    nationality: readField(nativePayload, 'nationality'),
    nickName: readField(nativePayload, 'nickName'),
  })
}

function mapFailure(nativePayload: unknown): UserProfileError {
  const outcome = readField(nativePayload, 'outcome')
  // The mock is not a host: its outcome is no native code, so the message does not echo one.
  const code = mockOutcomeCodes.get(outcome) || 'NATIVE_ERROR'
  return createError(code, 'browser', {
    advice: code === 'INSUFFICIENT_PERMISSIONS' ? INSUFFICIENT_PERMISSIONS_ADVICE : undefined,
    nativeMessage: typeof outcome === 'string' ? `configureMock outcome ${outcome}` : undefined,
  })
}

/** Runs `deliver` after the mock's latency (default the next tick); `Infinity` plays a host that never answers. */
function afterLatency(latency: unknown, deliver: () => void): void {
  const delay = typeof latency === 'number' && latency > 0 ? latency : 0
  if (delay < Infinity) setTimeout(deliver, delay)
}

function answer(outcome: MockOutcome, profile: object, callbacks: NativeCallbacks): void {
  if (outcome === 'grant') callbacks.success(profile)
  else callbacks.fail({ outcome })
}

/** The browser mock for demos and tests: no host API; answers only after the page opted in with `configureMock()`. */
export const adapter: Adapter<'browser'> = {
  runtime: 'browser',
  authorizeButton: { event: 'click' },
  readGlobals: () => ({ window: typeof window === 'undefined' ? undefined : window, document: typeof document === 'undefined' ? undefined : document }),

  detect(globals) {
    return isRecord(readHostValue(globals, 'window')) && isRecord(readHostValue(globals, 'document'))
  },

  request(globals, options, callbacks) {
    const mock = readMockOptions()
    // Never a made-up profile in production: only a page that called configureMock() gets the mock's answers.
    if (!mock) {
      return createError('UNSUPPORTED', 'browser', {
        advice: "a web page has no client profile API: get the profile from the host's OAuth on your server. For a demo or test, call configureMock() first.",
      })
    }
    const outcome = mock.outcome === undefined ? 'grant' : mock.outcome
    if (outcome !== 'grant' && !mockOutcomeCodes.has(outcome)) {
      return createError('INVALID_OPTIONS', 'browser', { advice: 'configureMock outcome must be grant, deny, insufficient-permissions, timeout or error.' })
    }
    // Everything is read now, so a configureMock() while the call is pending does not change its answer.
    const profile = Object.assign({}, DEMO_PROFILE, mock.profile)
    const latency = mock.latency
    const later = (chosen: MockOutcome) => afterLatency(latency, () => answer(chosen, profile, callbacks))
    const consentDialog = readConsentDialog()
    if (!consentDialog) {
      later(outcome)
      return undefined
    }
    const desc = options.desc === undefined ? 'This page asks for your avatar and nickname.' : options.desc
    if (!consentDialog(readHostValue(globals, 'document'), desc, (allowed) => later(allowed ? outcome : 'deny'))) {
      return createError('UNSUPPORTED', 'browser', { advice: 'configureMock({ prompt: true }) needs a page with a document body.' })
    }
    return undefined
  },

  mapSuccess,
  mapFailure,
}

// Counts the mock's login codes, so each call gets its own, as a host's single-use codes are.
let mockLogins = 0

/**
 * The mock's login, on the same opt-in as its profile: codes named as mock codes (`mock-login-code-1`, …) that no
 * server accepts, never a made-up real one. Without configureMock() a web page gets UNSUPPORTED.
 */
export const login: LoginMethod<'browser'> = {
  runtime: 'browser',
  request(_globals, _options, callbacks) {
    const mock = readMockOptions()
    if (!mock) return createError('UNSUPPORTED', 'browser', { advice: "a web page has no login code: sign in with the host's OAuth. For a demo or test, call configureMock() first." })
    const outcome = mock.outcome === undefined ? 'grant' : mock.outcome
    const code = `mock-login-code-${++mockLogins}`
    afterLatency(mock.latency, () => (outcome === 'grant' ? callbacks.success({ code }) : callbacks.fail({ outcome })))
    return undefined
  },
  mapSuccess: (nativePayload) => loginCodeOf('browser', readField(nativePayload, 'code')),
  mapFailure,
}
