// The OpenUserInfo rules of the contract: gender letters, ISO alpha-2 nationality, http(s) avatar of at most
// 2048 UTF-8 bytes, text of at most 128 UTF-8 bytes cut on a character boundary, own keys only.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  normalizeAvatar,
  normalizeGender,
  normalizeNationality,
  normalizeText,
  readField,
  readString,
  toOpenUserInfo,
  truncateUtf8,
} from '../src/normalize'

// `isWellFormed` / `toWellFormed` exist in Node 20; the test tsconfig's ES2022 lib need not declare them.
const wellFormedApi = String.prototype as unknown as {
  isWellFormed(this: string): boolean
  toWellFormed(this: string): string
}
const isWellFormed = (text: string): boolean => wellFormedApi.isWellFormed.call(text)
const toWellFormed = (text: string): string => wellFormedApi.toWellFormed.call(text)
const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

const SIX_KEYS = ['avatar', 'code', 'gender', 'msg', 'nationality', 'nickName']

describe('normalizeGender', () => {
  it.each([
    ['upper-case M (contract)', 'M', 'M'],
    ['lower-case m (Alipay+ wallet docs)', 'm', 'M'],
    ['number 1 (WeChat)', 1, 'M'],
    ['string "1"', '1', 'M'],
    ['upper-case F (contract)', 'F', 'F'],
    ['lower-case f (Alipay pre-2022)', 'f', 'F'],
    ['number 2 (WeChat)', 2, 'F'],
    ['string "2"', '2', 'F'],
    ['number 0 (WeChat unknown)', 0, ''],
    ['empty string (Alipay since 2022)', '', ''],
    ['server-side "MALE"', 'MALE', ''],
    ['"male"', 'male', ''],
    ['number 3', 3, ''],
    ['" M" with a space', ' M', ''],
    ['undefined', undefined, ''],
    ['null', null, ''],
    ['an object', { gender: 'M' }, ''],
    ['a boxed string', Object('M'), ''],
  ])('maps %s to the contract letter', (_variant, raw, expected) => {
    expect(normalizeGender(raw)).toBe(expected)
  })
})

describe('normalizeNationality', () => {
  it.each([
    ['upper-case US (contract)', 'US', 'US'],
    ['countryCode SG (Alipay+ wallet docs)', 'SG', 'SG'],
    ['lower-case cn', 'cn', 'CN'],
    ['mixed-case Sg', 'Sg', 'SG'],
    ['empty string', '', ''],
    ['a localised name (WeChat country)', '中国', ''],
    ['alpha-3 USA', 'USA', ''],
    ['one letter', 'U', ''],
    ['a digit', 'U1', ''],
    ['a trailing newline', 'US\n', ''],
    ['surrounding spaces', ' US ', ''],
    ['non-ASCII letters', 'ÜS', ''],
    ['a number', 840, ''],
    ['null', null, ''],
  ])('maps %s to an ISO alpha-2 code or empty', (_variant, raw, expected) => {
    expect(normalizeNationality(raw)).toBe(expected)
  })
})

const URL_PREFIX = 'https://example.com/'
const urlOfBytes = (bytes: number): string => URL_PREFIX + 'a'.repeat(bytes - URL_PREFIX.length)
const CJK_URL_2048 = URL_PREFIX + '中'.repeat((2048 - URL_PREFIX.length) / 3) // 20 + 676 × 3 bytes

describe('normalizeAvatar', () => {
  it.each([
    ['an https URL', 'https://cdn/images/partner/XXXXXXXX', 'https://cdn/images/partner/XXXXXXXX'],
    ['an http URL', 'http://example.com/a.png', 'http://example.com/a.png'],
    ['an upper-case scheme', 'HTTPS://EXAMPLE.COM/A.PNG', 'HTTPS://EXAMPLE.COM/A.PNG'],
    ['a URL with query and fragment', 'https://example.com/a.png?x=1#y', 'https://example.com/a.png?x=1#y'],
    ['a URL of exactly 2048 bytes', urlOfBytes(2048), urlOfBytes(2048)],
    ['a CJK URL of exactly 2048 bytes', CJK_URL_2048, CJK_URL_2048],
    ['a URL of 2049 bytes (never truncated)', urlOfBytes(2049), ''],
    ['a CJK URL of 2049 bytes', CJK_URL_2048 + 'a', ''],
    ['a javascript: URL', 'javascript:alert(1)', ''],
    ['a javascript: URL shaped like a host', 'javascript://example.com/%0Aalert(1)', ''],
    ['a data: URL', 'data:image/png;base64,iVBORw0KGgo=', ''],
    ['an ftp URL', 'ftp://example.com/a.png', ''],
    ['a protocol-relative URL', '//example.com/a.png', ''],
    ['a relative path', '/images/a.png', ''],
    ['a scheme with no host', 'https://', ''],
    ['a scheme without slashes', 'https:example.com/a.png', ''],
    ['a leading space', ' https://example.com/a.png', ''],
    ['an inner space', 'https://example.com/a b.png', ''],
    ['a newline', 'https://example.com/a\n.png', ''],
    ['a NUL character', 'https://example.com/a\u0000.png', ''],
    ['an empty string', '', ''],
    ['undefined', undefined, ''],
    ['a number', 42, ''],
    ['an object', { href: 'https://example.com/a.png' }, ''],
  ])('keeps or drops %s', (_variant, raw, expected) => {
    expect(normalizeAvatar(raw)).toBe(expected)
  })

  it('returns either an empty string or the input unchanged, for any string', () => {
    const candidates = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ unit: 'binary' }))
    fc.assert(
      fc.property(candidates, (raw) => {
        const avatar = normalizeAvatar(raw)
        expect(avatar === '' || avatar === raw).toBe(true)
        if (avatar !== '') {
          expect(avatar).toMatch(/^https?:\/\//i)
          expect(utf8Bytes(avatar)).toBeLessThanOrEqual(2048)
        }
      }),
    )
  })
})

describe('truncateUtf8 and normalizeText', () => {
  it.each([
    ['ASCII under the limit', 'abc', 5, 'abc'],
    ['ASCII at the limit', 'abc', 3, 'abc'],
    ['ASCII over the limit', 'abcdef', 4, 'abcd'],
    ['a limit of zero', 'abc', 0, ''],
    ['an empty string', '', 10, ''],
    ['2-byte characters cut between characters', 'ééé', 4, 'éé'],
    ['a 2-byte character that does not fit whole', 'ééé', 5, 'éé'],
    ['ASCII then a 2-byte character at the boundary', 'aé', 2, 'a'],
    ['3-byte CJK cut between characters', '中文字', 6, '中文'],
    ['a 3-byte CJK character that does not fit whole', '中文字', 8, '中文'],
    ['a 4-byte emoji that fits exactly', 'a😀', 5, 'a😀'],
    ['a 4-byte emoji one byte short of the boundary', 'a😀', 4, 'a'],
    ['a 4-byte emoji with 1 byte left', 'abc😀', 4, 'abc'],
    ['a lone high surrogate (as U+FFFD, 3 bytes)', 'a\ud83d', 4, 'a\ufffd'],
    ['a lone high surrogate that does not fit', 'a\ud83d', 3, 'a'],
    ['a lone low surrogate', '\ude00b', 4, '\ufffdb'],
    ['a high surrogate followed by a letter', '\ud83dxy', 4, '\ufffdx'],
    ['two high surrogates in a row', '\ud83d\ud83d', 6, '\ufffd\ufffd'],
  ])('cuts %s', (_variant, text, limit, expected) => {
    expect(truncateUtf8(text, limit)).toBe(expected)
  })

  it.each([
    ['128 ASCII bytes', 'x'.repeat(128), 'x'.repeat(128)],
    ['129 ASCII bytes', 'x'.repeat(129), 'x'.repeat(128)],
    ['43 CJK characters (129 bytes)', '中'.repeat(43), '中'.repeat(42)],
    ['an emoji across byte 128', 'x'.repeat(126) + '😀', 'x'.repeat(126)],
    ['an emoji ending on byte 128', 'x'.repeat(124) + '😀', 'x'.repeat(124) + '😀'],
    ['the anonymised WeChat nickname', '微信用户', '微信用户'],
    ['a non-string', 12345, ''],
    ['undefined', undefined, ''],
  ])('normalizeText keeps %s within 128 bytes', (_variant, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected)
  })

  const anyUnit = fc.oneof(
    fc.constantFrom('a', 'é', '中', '😀', '\u0000'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  )

  it('returns a well-formed prefix of the well-formed input within the limit, and the longest such prefix', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyUnit, maxLength: 60 }), fc.nat({ max: 200 }), (text, limit) => {
        const cut = truncateUtf8(text, limit)
        const whole = toWellFormed(text)
        expect(isWellFormed(cut)).toBe(true)
        expect(utf8Bytes(cut)).toBeLessThanOrEqual(limit)
        expect(whole.startsWith(cut)).toBe(true)
        if (cut !== whole) {
          const next = String.fromCodePoint(whole.codePointAt(cut.length) as number)
          expect(utf8Bytes(cut + next)).toBeGreaterThan(limit)
        }
      }),
    )
  })
})

describe('readField and readString', () => {
  const inherited = Object.create({ nickName: 'inherited' }) as object
  const parsedProto: unknown = JSON.parse('{"__proto__":{"nickName":"evil"},"code":"10000"}')
  const nullProto = Object.assign(Object.create(null) as object, { nickName: 'own' })

  it.each([
    ['an own key', { nickName: 'own' }, 'nickName', 'own'],
    ['an own key on a null-prototype object', nullProto, 'nickName', 'own'],
    ['an own key whose value is undefined', { nickName: undefined }, 'nickName', undefined],
    ['an inherited key', inherited, 'nickName', undefined],
    ['__proto__ on a plain object', {}, '__proto__', undefined],
    ['constructor on a plain object', {}, 'constructor', undefined],
    ['toString on a plain object', {}, 'toString', undefined],
    ['a key inside a parsed "__proto__" member', parsedProto, 'nickName', undefined],
    ['an own key beside a parsed "__proto__" member', parsedProto, 'code', '10000'],
    ['a key when hasOwnProperty is shadowed', { hasOwnProperty: () => true }, 'nickName', undefined],
    ['null', null, 'nickName', undefined],
    ['undefined', undefined, 'nickName', undefined],
    ['a string', 'nickName', 'length', undefined],
    ['a function', Object.assign(() => 0, { nickName: 'fn' }), 'nickName', undefined],
  ])('reads %s', (_variant, value, key, expected) => {
    expect(readField(value, key)).toBe(expected)
  })

  it('leaves Object.prototype untouched after reading a parsed "__proto__" member', () => {
    readField(parsedProto, '__proto__')
    expect(({} as Record<string, unknown>).nickName).toBeUndefined()
  })

  it.each([
    ['a string', { msg: 'Success' }, 'Success'],
    ['a number', { msg: 10000 }, undefined],
    ['an inherited string', Object.create({ msg: 'Success' }), undefined],
  ])('readString returns only own string values: %s', (_variant, value, expected) => {
    expect(readString(value, 'msg')).toBe(expected)
  })
})

describe('toOpenUserInfo', () => {
  it.each([
    ['an empty pick', {}, { code: '10000', msg: 'Success', avatar: '', gender: '', nationality: '', nickName: '' }],
    [
      'a full pick',
      { msg: 'Success', avatar: 'https://example.com/a.png', gender: 'f', nationality: 'sg', nickName: 'XXX' },
      { code: '10000', msg: 'Success', avatar: 'https://example.com/a.png', gender: 'F', nationality: 'SG', nickName: 'XXX' },
    ],
    [
      'an empty native msg',
      { msg: '', nickName: 'XXX' },
      { code: '10000', msg: 'Success', avatar: '', gender: '', nationality: '', nickName: 'XXX' },
    ],
    [
      'a native msg other than Success',
      { msg: 'OK' },
      { code: '10000', msg: 'OK', avatar: '', gender: '', nationality: '', nickName: '' },
    ],
    [
      'over-long text fields',
      { msg: 'm'.repeat(200), nickName: '中'.repeat(50) },
      { code: '10000', msg: 'm'.repeat(128), avatar: '', gender: '', nationality: '', nickName: '中'.repeat(42) },
    ],
    [
      'unusable values',
      { msg: 7, avatar: 'javascript:alert(1)', gender: 'MALE', nationality: 'USA', nickName: { x: 1 } },
      { code: '10000', msg: 'Success', avatar: '', gender: '', nationality: '', nickName: '' },
    ],
  ])('builds the six-key result from %s', (_variant, picked, expected) => {
    const info = toOpenUserInfo(picked)
    expect(info).toStrictEqual(expected)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype)
  })
})
