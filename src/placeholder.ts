// Results an adapter knows to be placeholders by where they came from, not by their values: Douyin's `tt.getUserInfo`
// answers anonymous data that looks like any profile (platforms.md §17.2). The mark is an own symbol key: invisible to
// `Object.keys` and JSON (the six keys stay the six keys), kept by `Object.assign` and spread copies, and the same
// key in every copy of this library (`Symbol.for`). Only the adapters that mark and `isPlaceholderProfile` ship it.
import type { OpenUserInfo } from './types.js'

const PLACEHOLDER_KEY = Symbol.for('mini-user-profile.placeholder')

export function markPlaceholder(info: OpenUserInfo): OpenUserInfo {
  return Object.assign(info, { [PLACEHOLDER_KEY]: true })
}

export function isMarkedPlaceholder(info: unknown): boolean {
  try {
    return typeof info === 'object' && info !== null && Object.getOwnPropertyDescriptor(info, PLACEHOLDER_KEY)?.value === true
  } catch {
    return false // a hostile object (a Proxy whose traps throw) carries no mark of ours
  }
}
