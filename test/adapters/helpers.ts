// What the adapter tests of platforms.md §4–§11 share: small assertion helpers and the rules every mapper obeys
// (hostile keys, purity, totality, no payload values in messages), stated once for all of them.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { Adapter } from '../../src/adapter'
import { UserProfileError } from '../../src/errors'

export const SIX_KEYS = ['avatar', 'code', 'gender', 'msg', 'nationality', 'nickName']

/** A success result whose profile fields are all empty. */
export const EMPTY_PROFILE = { code: '10000', msg: 'Success', avatar: '', gender: '', nationality: '', nickName: '' }

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Reflect.ownKeys(value)) deepFreeze(Reflect.get(value, key))
    Object.freeze(value)
  }
  return value
}

/** The public fields of an error, so a row can state all of them at once. */
export function errorFields(value: unknown) {
  expect(value).toBeInstanceOf(UserProfileError)
  const { name, code, runtime, nativeCode, nativeMessage, subCode, subMessage } = value as UserProfileError
  return { name, code, runtime, nativeCode, nativeMessage, subCode, subMessage }
}

/** Resolves once every host timer scheduled so far (latency 0) has fired. */
export const afterHost = () => new Promise((resolve) => setTimeout(resolve, 5))

export const callbacks = () => ({ success: vi.fn(), fail: vi.fn() })

/** The raw answer the host handed to `success` or `fail`, mapped by `adapter`. */
export function mappedAnswer(adapter: Adapter, settle: ReturnType<typeof callbacks>) {
  const [success, fail] = [settle.success.mock.calls, settle.fail.mock.calls]
  expect(success.length + fail.length).toBe(1) // one answer, on one channel
  return success.length === 1 ? adapter.mapSuccess(success[0]?.[0]) : adapter.mapFailure(fail[0]?.[0])
}

/** The payloads with no readable profile that every WeChat-convention host must reject. */
export const MALFORMED_PAYLOADS: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['a string', 'getUserInfo:ok'],
  ['userInfo as a string', deepFreeze({ userInfo: 'x' })],
  ['an empty object', deepFreeze({})],
  ['a userInfo with no profile field', deepFreeze({ userInfo: {} })],
  ['a userInfo that is an array', deepFreeze({ userInfo: [] })],
]

const EVIL_PROFILE = { nickName: 'evil', avatar: 'https://evil.example/a.png', avatarUrl: 'https://evil.example/a.png', gender: 1 }
const EVIL_FAILURE = { errMsg: 'getUserInfo:fail auth deny', msg: 'auth deny', error: 11, errno: 104, authorizeRefused: {} }
const SECRETS = 'SecretNick https://secret.example/a.png'
/** `{ "<key>": value }` parsed from JSON, so `__proto__` is an own key as a host bridge would deliver it. */
const underKey = (key: string, value: object): Record<string, unknown> => deepFreeze(JSON.parse(`{"${key}":${JSON.stringify(value)}}`))

interface SharedRules {
  /** Wraps profile fields into this host's success payload (`{ userInfo }`, or the fields themselves on Taobao). */
  profileOf: (fields: object) => object
  /** Every success fixture of the host. */
  successFixtures: ReadonlyArray<readonly [string, object]>
  /** Every fail fixture of the host. */
  failFixtures: ReadonlyArray<readonly [string, object]>
  /** Default `MALFORMED_PAYLOADS`. */
  malformed?: ReadonlyArray<readonly [string, unknown]>
}

/** The contract rules every profile-reading adapter obeys, as one describe block per adapter. */
export function describeSharedRules(adapter: Adapter, rules: SharedRules): void {
  const { runtime } = adapter

  describe(`${runtime} mappers: shared rules`, () => {
    it.each(rules.malformed ?? MALFORMED_PAYLOADS)('returns MALFORMED_RESPONSE for %s', (_variant, raw) => {
      expect(errorFields(adapter.mapSuccess(raw))).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime })
    })

    it.each(['__proto__', 'constructor'])('reads no profile fields hidden under "%s"', (key) => {
      // Nothing readable is left, so the payload is malformed rather than an empty profile.
      const mapped = adapter.mapSuccess(deepFreeze(rules.profileOf(underKey(key, EVIL_PROFILE))))
      expect(errorFields(mapped)).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime })
      expect(({} as Record<string, unknown>).nickName).toBeUndefined()
    })

    it.each(['__proto__', 'constructor'])('finds no profile in a payload hidden under "%s"', (key) => {
      const mapped = adapter.mapSuccess(underKey(key, rules.profileOf(EVIL_PROFILE)))
      if (!(mapped instanceof UserProfileError)) expect(mapped).toStrictEqual(EMPTY_PROFILE)
    })

    it.each(['__proto__', 'constructor'])('maps a fail payload hidden under "%s" to NATIVE_ERROR', (key) => {
      expect(errorFields(adapter.mapFailure(underKey(key, EVIL_FAILURE)))).toMatchObject({ code: 'NATIVE_ERROR', nativeCode: undefined })
    })

    it.each([...rules.successFixtures, ...rules.failFixtures])('leaves the %s fixture unchanged', (_variant, raw) => {
      const before = structuredClone(raw)
      expect(Object.isFrozen(raw)).toBe(true)
      adapter.mapSuccess(raw)
      adapter.mapFailure(raw)
      adapter.readCountryName?.(raw)
      expect(raw).toStrictEqual(before)
    })

    it('keeps payload values out of every error message', () => {
      const raws = [
        SECRETS,
        { userInfo: SECRETS },
        { errMsg: `getUserInfo:fail auth deny ${SECRETS}`, errno: 1 },
        { errMsg: `getUserInfo:fail ${SECRETS}` },
        { code: 1, msg: `auth deny ${SECRETS}` },
        { error: 11, errorMessage: SECRETS },
        { authorizeRefused: { error: 2001, errorMessage: SECRETS } },
      ]
      for (const raw of raws.map(deepFreeze)) {
        const mapped = adapter.mapSuccess(raw)
        if (mapped instanceof UserProfileError) expect(mapped.message).not.toMatch(/Secret|secret\.example/)
        expect(adapter.mapFailure(raw).message).not.toMatch(/Secret|secret\.example/)
      }
    })

    itIsTotal(adapter)
  })
}

/** fast-check: for any frozen value the mappers neither throw nor mutate, and a success obeys the result contract. */
export function itIsTotal(adapter: Adapter): void {
  it('never throws, never mutates, and returns the contract result or an error, for any value', () => {
    const fields = { userInfo: fc.anything(), errMsg: fc.string(), msg: fc.anything(), code: fc.anything(), error: fc.anything() }
    const raws = fc.oneof(fc.anything(), fc.record(fields, { requiredKeys: [] }))
    fc.assert(
      fc.property(raws, (value) => {
        const raw = deepFreeze(value)
        const mapped = adapter.mapSuccess(raw)
        if (!(mapped instanceof UserProfileError)) {
          expect(Object.keys(mapped).sort()).toEqual(SIX_KEYS)
          expect(mapped.code).toBe('10000')
          expect(['M', 'F', '']).toContain(mapped.gender)
          expect(mapped.nationality).toMatch(/^([A-Z]{2})?$/)
          expect(mapped.avatar).toMatch(/^(https?:\/\/.*)?$/i)
          expect(Buffer.byteLength(mapped.nickName)).toBeLessThanOrEqual(128)
        }
        expect(adapter.mapFailure(raw)).toBeInstanceOf(UserProfileError)
        const country = adapter.readCountryName?.(raw)
        expect(country === undefined || typeof country === 'string').toBe(true)
      }),
    )
  })
}
