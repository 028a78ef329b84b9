import { adapters } from './entries/all.js'
import * as core from './facade.js'
import { getOpenUserInfo as openUserInfo } from './polyfill.js'
import type { UserProfileError } from './errors.js'
import type { AuthorizeButton, GetOpenUserInfoOptions, GetUserProfileOptions, OpenUserInfo, RuntimeName } from './types.js'

// The public API over one ordered list of adapters. `./entries/all` lists every adapter; build.mjs builds this
// same file once per runtime entry with that import pointed at `./entries/<runtime>`, so each bundle holds one adapter.

/**
 * Gets the user's basic profile from whichever super app runs the code, normalised to the Alipay+ shape.
 * Call it from the consent control's handler (`getAuthorizeButton()` says which), synchronously, before any `await`.
 * @example
 * const info = await getUserProfile({ desc: 'Show your avatar on your card' })
 * // { code: '10000', msg: 'Success', avatar: 'https://…', gender: 'F', nationality: 'SG', nickName: 'Ana' }
 */
export function getUserProfile(options?: GetUserProfileOptions): Promise<OpenUserInfo> {
  return core.getUserProfile(adapters, options)
}

/**
 * `my.getOpenUserInfo` with its exact Alipay+ contract, on every runtime: code written for Alipay+ runs unchanged.
 * @example
 * getOpenUserInfo({ success: (res) => { const info = JSON.parse(res.response).response } })
 */
export function getOpenUserInfo(options?: GetOpenUserInfoOptions): void {
  openUserInfo(adapters, options)
}

/** The runtime this build would use with `globals` (default: the host's), or `null`. No prompt; each host object is asked for its system info once. */
export function detectRuntime(globals?: object): RuntimeName | null {
  return core.detectRuntime(adapters, globals)
}

/** What a page template must wire for the consent step on `runtime` (default: the detected one); `null` if unknown. */
export function getAuthorizeButton(runtime?: RuntimeName | null): AuthorizeButton | null {
  return core.getAuthorizeButton(adapters, runtime)
}

/** Turns the consent button's error event (Alipay `onError`) into a `USER_DENIED` error. */
export function fromAuthorizeError(event: unknown): UserProfileError {
  return core.fromAuthorizeError(adapters, event)
}

/**
 * True for a placeholder instead of a real profile: WeChat's anonymised "微信用户", Baidu's "百度网友", or no name
 * and no avatar at all (Alipay's masked fields). Ask the user to fill the profile in rather than storing it.
 */
export function isPlaceholderProfile(info: OpenUserInfo): boolean {
  return core.isPlaceholderProfile(adapters, info)
}

export * from './public.js'
