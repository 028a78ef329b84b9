import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { getUserProfile, isUserProfileError, type OpenUserInfo } from '../src/index'

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8')

function expectOpenUserInfo(info: OpenUserInfo): void {
  expect(Object.keys(info).sort()).toEqual(['avatar', 'code', 'gender', 'msg', 'nationality', 'nickName'])
  for (const value of Object.values(info)) expect(typeof value).toBe('string')
  expect(info.code).toBe('10000')
  expect(['M', 'F', '']).toContain(info.gender)
  expect(info.nationality).toMatch(/^([A-Z]{2})?$/)
  expect(info.avatar === '' || /^https?:\/\//i.test(info.avatar)).toBe(true)
  expect(utf8Bytes(info.avatar)).toBeLessThanOrEqual(2048)
  expect(utf8Bytes(info.nickName)).toBeLessThanOrEqual(128)
  expect(utf8Bytes(info.msg)).toBeLessThanOrEqual(128)
  expect(info.nickName.isWellFormed() && info.msg.isWellFormed()).toBe(true)
}

// Hostile values: odd types, prototype keys, huge and broken strings, nested JSON.
const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('javascript:alert(1)', 'data:image/png;base64,AAAA', 'https://a.example/x.png', 'M', 'f', '1', 'us', '\ud83d', '__proto__'),
  fc.string({ maxLength: 3000 }).map((tail) => `https://cdn.example/${tail}`),
)
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'code', 'msg', 'avatar', 'avatarUrl', 'gender', 'nationality', 'countryCode', 'nickName', 'response', 'userInfo', 'error', 'errMsg', 'errno'),
      tie('value'),
      { maxKeys: 6 },
    ),
  ),
})).value
const alipayPayload = fc.oneof(
  hostileValue,
  fc.record({ code: hostileString, error: hostileString, errno: hostileString, outcome: hostileString }),
  hostileValue.map((inner) => ({ response: JSON.stringify({ response: inner }) ?? '' })),
  fc.record({ response: fc.record({ code: fc.constantFrom('10000', 10000, '40003', '40006', '1'), nickName: hostileValue, avatar: hostileValue, gender: hostileValue, countryCode: hostileValue }) }).map((r) => ({ response: JSON.stringify(r) })),
)
const behaviour = fc.constantFrom('success', 'fail', 'twice', 'success-then-fail', 'throw', 'never', 'sync-success')

type Host = 'alipay' | 'wechat'

function installHost(host: Host, mode: string, payload: unknown): void {
  const native = (options: { success?: (res: unknown) => void; fail?: (res: unknown) => void }) => {
    if (mode === 'throw') throw payload
    if (mode === 'sync-success') return options.success?.(payload)
    const later = (callback: ((res: unknown) => void) | undefined) => setTimeout(() => callback?.(payload), 0)
    if (mode === 'success' || mode === 'twice' || mode === 'success-then-fail') later(options.success)
    if (mode === 'fail' || mode === 'success-then-fail') later(options.fail)
    if (mode === 'twice') later(options.success)
  }
  if (host === 'alipay') vi.stubGlobal('my', { getOpenUserInfo: native })
  else {
    vi.stubGlobal('wx', { getUserProfile: native })
    vi.stubGlobal('__wxConfig', {})
  }
}

// Payload text that must never reach a message. Short code-shaped values are the exception by design: createError
// echoes a native code such as '40006' or 'isv.denied'.
const isCodeShaped = (text: string) => /^[\w.-]{1,16}$/.test(text)

function payloadStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && value.length >= 6 && !isCodeShaped(value)) found.push(value)
  else if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) payloadStrings(Reflect.get(value, key), found)
  return found
}

describe('getUserProfile under random and hostile hosts', () => {
  it('never throws, always settles once, and ends in a valid profile or a UserProfileError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Host>('alipay', 'wechat'), behaviour, alipayPayload, async (host, mode, payload) => {
        installHost(host, mode, payload)
        const complete = vi.fn()
        let promise: Promise<OpenUserInfo> | undefined
        expect(() => (promise = getUserProfile({ timeout: 20, complete }))).not.toThrow()
        const outcome = await promise!.then(
          (info) => ({ info }),
          (error: unknown) => ({ error }),
        )
        await new Promise((resolve) => setTimeout(resolve, 1)) // let any second native answer arrive
        expect(complete).toHaveBeenCalledTimes(1)
        if ('info' in outcome) expectOpenUserInfo(outcome.info)
        else {
          expect(isUserProfileError(outcome.error)).toBe(true)
          const message = (outcome.error as Error).message
          for (const text of payloadStrings(payload)) expect(message).not.toContain(text)
        }
        vi.unstubAllGlobals()
      }),
      { numRuns: 300 },
    )
  })
})
