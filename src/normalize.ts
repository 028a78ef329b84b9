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

const hasOwn = Object.prototype.hasOwnProperty

/**
 * An own property only: a payload key like `__proto__` or `constructor` never reaches the prototype chain.
 * A getter that throws (a host object, not JSON) reads as missing, so mappers stay total.
 */
export function readField(value: unknown, key: string): unknown {
  try {
    return isRecord(value) && hasOwn.call(value, key) ? value[key] : undefined
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
 * Cuts `text` to at most `maxBytes` of UTF-8 on a character boundary. A lone surrogate has no UTF-8 encoding, so it
 * becomes U+FFFD (3 bytes), as an encoder would make it. One pass; a text that fits without surrogates is returned as it is.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  // Every UTF-16 unit but a surrogate is at most 3 bytes of UTF-8: a short text without surrogates fits as it is.
  if (text.length * 3 <= maxBytes && !/[\ud800-\udfff]/.test(text)) return text
  let bytes = 0
  let kept = ''
  // A string iterates by code point: a pair comes as one character, a lone surrogate as itself.
  for (const char of text) {
    const point = char.codePointAt(0) as number
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4
    if (bytes > maxBytes) break
    kept += point >= 0xd800 && point < 0xe000 ? '\ufffd' : char
  }
  return kept
}

// Alipay+ "m"/"f", the contract's "M"/"F", WeChat/Douyin/QQ 1/2, some bridges "1"/"2" (platforms.md §1.3, §3.3).
const MALE: readonly unknown[] = ['M', 'm', 1, '1']
const FEMALE: readonly unknown[] = ['F', 'f', 2, '2']

export function normalizeGender(value: unknown): Gender {
  return MALE.indexOf(value) !== -1 ? 'M' : FEMALE.indexOf(value) !== -1 ? 'F' : ''
}

/** ISO 3166-1 alpha-2 by form (two ASCII letters), upper-cased; anything else, such as a country name, is `''`. */
export function normalizeNationality(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : ''
}

/** An absolute http(s) URL that fits the limit whole; a cut URL would point somewhere else, so it is dropped. */
export function normalizeAvatar(value: unknown): string {
  // A host, then an optional path/query/fragment; no white space or control characters anywhere.
  const url = /^https?:\/\/[^\s\0-\x1f\x7f/?#@]+([/?#][^\s\0-\x1f\x7f]*)?$/i
  return typeof value === 'string' && url.test(value) && truncateUtf8(value, AVATAR_LIMIT_BYTES) === value ? value : ''
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

/**
 * A caller's own copy of a result: the six keys as own data properties (a literal defines them, so a setter planted
 * on Object.prototype cannot swallow one).
 */
export function copyProfile(info: OpenUserInfo): OpenUserInfo {
  return { code: info.code, msg: info.msg, avatar: info.avatar, gender: info.gender, nationality: info.nationality, nickName: info.nickName }
}
