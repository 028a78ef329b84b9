import type { Gender, OpenUserInfo } from './types.js'

// Limits from the contract: "The maximum length of these fields are 128 bytes except avatar, … 2048 bytes."
const TEXT_LIMIT_BYTES = 128
const AVATAR_LIMIT_BYTES = 2048

/** The profile fields as an adapter picked them out of a native payload, still untrusted. */
export interface PickedProfile {
  msg?: unknown
  avatar?: unknown
  gender?: unknown
  nationality?: unknown
  nickName?: unknown
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/**
 * An own property only: a payload key like `__proto__` or `constructor` never reaches the prototype chain.
 * A getter that throws (a host object, not JSON) reads as missing, so mappers stay total.
 */
export function readField(value: unknown, key: string): unknown {
  try {
    return isRecord(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined
  } catch {
    return undefined
  }
}

/** A native code as a number: a number, or a decimal string as some bridges send; nothing else ('0xb', '11 '). */
export function readNativeNumber(value: unknown, key: string): number | undefined {
  const field = readField(value, key)
  if (typeof field === 'number') return field
  return typeof field === 'string' && /^\d+$/.test(field) ? Number(field) : undefined
}

/** True when `value` is an object holding at least one of `keys` of its own. */
export function hasAnyField(value: unknown, keys: readonly string[]): boolean {
  for (const key of keys) if (readField(value, key) !== undefined) return true
  return false
}

export function readString(value: unknown, key: string): string | undefined {
  const field = readField(value, key)
  return typeof field === 'string' ? field : undefined
}

/**
 * The length of the longest prefix of `text` within `maxBytes` of UTF-8, cut on a character boundary,
 * or -1 when an unpaired surrogate comes first (no UTF-8 encoding of it exists).
 */
function utf8PrefixLength(text: string, maxBytes: number): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    let size = unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3
    if ((unit & 0xf800) === 0xd800) {
      if (unit > 0xdbff || (text.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return -1
      size = 4
    }
    if (bytes + size > maxBytes) return i
    bytes += size
    if (size === 4) i++ // the low half of the pair
  }
  return text.length
}

/** Cuts `text` to at most `maxBytes` of UTF-8 on a character boundary; lone surrogates become U+FFFD. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const length = utf8PrefixLength(text, maxBytes)
  if (length !== -1) return text.slice(0, length)
  // Pairs match first and stay; what is left alone is replaced, as a UTF-8 encoder does.
  const wellFormed = text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (match) => (match.length === 2 ? match : '\ufffd'))
  return wellFormed.slice(0, utf8PrefixLength(wellFormed, maxBytes))
}

const GENDER_LETTERS: readonly (readonly [unknown, Gender])[] = [
  ['M', 'M'], ['m', 'M'], [1, 'M'], ['1', 'M'], // Alipay+ "m", contract "M", WeChat/Douyin/QQ 1 (platforms.md §1.3, §3.3)
  ['F', 'F'], ['f', 'F'], [2, 'F'], ['2', 'F'],
]

export function normalizeGender(value: unknown): Gender {
  for (const [raw, gender] of GENDER_LETTERS) if (value === raw) return gender
  return ''
}

/** ISO 3166-1 alpha-2 by form (two ASCII letters), upper-cased; anything else, such as a country name, is `''`. */
export function normalizeNationality(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : ''
}

/** An absolute http(s) URL that fits the limit whole; a cut URL would point somewhere else, so it is dropped. */
export function normalizeAvatar(value: unknown): string {
  // A host, then an optional path/query/fragment; no white space or control characters anywhere.
  const url = /^https?:\/\/[^\s\u0000-\u001f\u007f/?#@]+([/?#][^\s\u0000-\u001f\u007f]*)?$/i
  return typeof value === 'string' && url.test(value) && utf8PrefixLength(value, AVATAR_LIMIT_BYTES) === value.length ? value : ''
}

export function normalizeText(value: unknown): string {
  return typeof value === 'string' ? truncateUtf8(value, TEXT_LIMIT_BYTES) : ''
}

/** Builds a successful `OpenUserInfo`: all six keys, each obeying the contract's rules. */
export function toOpenUserInfo(picked: PickedProfile): OpenUserInfo {
  const msg = normalizeText(picked.msg)
  return {
    code: '10000',
    msg: msg === '' ? 'Success' : msg,
    avatar: normalizeAvatar(picked.avatar),
    gender: normalizeGender(picked.gender),
    nationality: normalizeNationality(picked.nationality),
    nickName: normalizeText(picked.nickName),
  }
}

/** A host object's property, inherited ones included (host APIs may sit on prototypes); a throwing getter reads as undefined. */
export function readHostValue(value: unknown, key: string): unknown {
  if (!isRecord(value) && typeof value !== 'function') return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

/** A field of `host.getSystemInfoSync()`, the documented synchronous getter; undefined when it is missing or throws. */
export function readSystemInfo(host: unknown, field: string): unknown {
  const getSystemInfoSync = readHostValue(host, 'getSystemInfoSync')
  try {
    return typeof getSystemInfoSync === 'function' ? readHostValue(getSystemInfoSync.call(host), field) : undefined
  } catch {
    return undefined
  }
}

/** `readSystemInfo` as a lower-case string, `''` when absent, for comparing app names. */
export function readAppName(host: unknown, field: 'app' | 'appName'): string {
  const name = readSystemInfo(host, field)
  return typeof name === 'string' ? name.toLowerCase() : ''
}
