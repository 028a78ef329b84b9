// The plumbing of `install`: reshaping a host's success payloads, recording answers, and restoring globals.
import type { HostAnswer, Scenario } from './index.js'

/** Profile values in the host's own format: gender 'f'/'m' on Alipay, 1/2 on WeChat-like hosts, a country name there. */
export interface ProfileOverride {
  nickName?: string
  avatar?: string
  gender?: string | number
  /** Alipay+: an ISO code (`countryCode`); WeChat-like hosts: a localized name (`userInfo.country`). */
  country?: string
}

type Family = 'my' | 'userInfo' | 'authUserInfo'
type Transform = (payload: unknown) => unknown

// What a host that answers with a shape nobody documented looks like, per payload family.
const malformedPayloads: Record<Family, unknown> = {
  my: { response: '{"response":{"code":"10000","nickName"' }, // JSON cut off mid-way
  userInfo: { errMsg: 'getUserInfo:ok' }, // no userInfo at all
  authUserInfo: { result: 'ok' }, // neither nickName nor avatar
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key of Object.keys(entries)) if (entries[key] !== undefined) result[key] = entries[key]
  return result
}

function reshape(family: Family, payload: unknown, profile: ProfileOverride): unknown {
  if (typeof payload !== 'object' || payload === null) return payload
  const { nickName, avatar, gender, country } = profile
  if (family === 'userInfo') {
    const userInfo: unknown = Reflect.get(payload, 'userInfo')
    if (typeof userInfo !== 'object' || userInfo === null) return payload
    return { ...payload, userInfo: { ...userInfo, ...defined({ nickName, avatarUrl: avatar, gender, country }) } }
  }
  if (family === 'authUserInfo') return { ...payload, ...defined({ nickName, avatar }) }
  const response: unknown = Reflect.get(payload, 'response')
  if (typeof response !== 'string') return payload
  const parsed: { response?: Record<string, unknown> } = JSON.parse(response)
  if (!parsed.response || parsed.response.code !== '10000') return payload // 40003 / 40006 stay as the host sent them
  // The contract's `nationality` where the payload has it, the wallets' `countryCode` otherwise (platforms.md §1.3).
  const countryKey = 'nationality' in parsed.response ? 'nationality' : 'countryCode'
  parsed.response = { ...parsed.response, ...defined({ nickName, avatar, gender, [countryKey]: country }) }
  return { ...payload, response: JSON.stringify(parsed) }
}

/** How success payloads are reshaped for a scenario: malformed, or carrying the caller's profile on a grant. */
export function withProfile(family: Family, scenario: Scenario, profile: ProfileOverride | undefined): Transform {
  if (scenario === 'malformed') return () => malformedPayloads[family]
  if (!profile || (scenario !== 'grant' && scenario !== 'slow')) return (payload) => payload
  return (payload) => reshape(family, payload, profile)
}

/**
 * Wraps `host[api]` so every answer is recorded (as the library receives it) and success payloads are reshaped;
 * with `failure`, a would-be success arrives as `fail(failure)` (a scenario the host has no own answer for).
 */
export function answerHook(host: object, api: string, answers: HostAnswer[], transform: Transform, failure?: object): void {
  const original: unknown = Reflect.get(host, api)
  if (typeof original !== 'function') return
  Reflect.set(host, api, (options?: Record<string, unknown>) => {
    const wrap = (native: 'success' | 'fail') => (payload: unknown) => {
      const callback = native === 'success' && failure ? 'fail' : native
      const delivered = native === 'fail' ? payload : failure ?? transform(payload)
      answers.push({ api, callback, payload: delivered })
      const handler = options ? options[callback] : undefined
      if (typeof handler === 'function') handler(delivered)
    }
    return Reflect.apply(original, host, [options && { ...options, success: wrap('success'), fail: wrap('fail') }])
  })
}

/** Defines each global on `target`, and returns the function that puts the previous descriptors back. */
export function installGlobals(target: object, globals: Record<string, object>): () => void {
  const previous = Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const)
  for (const name of Object.keys(globals)) {
    Object.defineProperty(target, name, { value: globals[name], configurable: true, writable: true, enumerable: true })
  }
  let restored = false
  return () => {
    if (restored) return
    restored = true
    for (const [name, descriptor] of previous) {
      if (descriptor) Object.defineProperty(target, name, descriptor)
      else Reflect.deleteProperty(target, name)
    }
  }
}
