// The public API, written once: each entry (src/index.ts, src/entries/*) binds these functions to its own list of
// adapters, typed by `Api` so every entry carries the same signatures and documentation.
import type { UserProfileError } from './errors.js'
import type { GetAuthCodeOptions, GetLoginCodeOptions, LoginCode } from './login-types.js'
import type { AuthorizeButton, GetOpenUserInfoOptions, GetUserProfileOptions, OpenUserInfo, PrivacyConsentRequest, PrivacyOptions, PrivacySetting, ProfileForm, ProfileFormOptions, RuntimeName, UserInfoEventOptions } from './types.js'

export { detectRuntime } from './detect.js'
export { fromAuthorizeError, getAuthorizeButton, getUserProfile, isPlaceholderProfile } from './facade.js'
export { getOpenUserInfo } from './polyfill.js'
export { fromUserInfoEvent } from './button-event.js'
export { createProfileForm } from './fill-in.js'
export { getPrivacySetting, onPrivacyConsent, requirePrivacyConsent } from './privacy.js'
export { getLoginCode } from './login.js'
export { getAuthCode } from './auth-code.js'

/** What every entry exports besides the shared errors, types and `configureMock` (src/public.ts). */
export interface Api {
  /**
   * Gets the user's basic profile from whichever super app runs the code, normalised to the Alipay+ shape.
   * Call it from the consent control's handler (`getAuthorizeButton()` says which), synchronously, before any `await`.
   * @example
   * const info = await getUserProfile({ desc: 'Show your avatar on your card' })
   * // { code: '10000', msg: 'Success', avatar: 'https://…', gender: 'F', nationality: 'SG', nickName: 'Ana' }
   */
  getUserProfile(options?: GetUserProfileOptions): Promise<OpenUserInfo>
  /**
   * `my.getOpenUserInfo` with its exact Alipay+ contract, on every runtime: code written for Alipay+ runs unchanged.
   * @example
   * getOpenUserInfo({ success: (res) => { const info = JSON.parse(res.response).response } })
   */
  getOpenUserInfo(options?: GetOpenUserInfoOptions): void
  /**
   * A login code for your server to exchange for the user's id, from the host's own login API (`wx.login`,
   * `my.getAuthCode`, `tt.login`, …). Each call asks the host afresh: a code is single use, so calls never share one.
   * @example
   * const { code, runtime } = await getLoginCode()
   * await fetch('/api/login', { method: 'POST', body: JSON.stringify({ code, runtime }) }) // your server exchanges it
   */
  getLoginCode(options?: GetLoginCodeOptions): Promise<LoginCode>
  /**
   * `my.getAuthCode` with its exact Alipay+ contract, on every runtime: `success({ authCode, authErrorScopes,
   * authSuccessScopes })`, `fail({ error, errorMessage })`, then `complete`. Elsewhere the code is the host's login code.
   * @example
   * getAuthCode({ scopes: 'auth_base', success: (res) => sendToServer(res.authCode) })
   */
  getAuthCode(options?: GetAuthCodeOptions): void
  /** The runtime this build would use with `globals` (default: the host's), or `null`. No prompt; each host object is asked for its system info once. */
  detectRuntime(globals?: object): RuntimeName | null
  /**
   * WeChat's fill-in (`getAuthorizeButton().fillIn`): pass each component event to the form, then `submit()` for the
   * six-key profile. `upload` turns the chosen temporary avatar file into a URL with your own code.
   * @example
   * const form = createProfileForm({ upload: (path) => uploadToMyServer(path) })
   * // bindchooseavatar="onAvatar": form.chooseAvatar(e); bindinput/bindblur: form.nickname(e); bindnicknamereview: form.nicknameReview(e)
   * const info = await form.submit()
   */
  createProfileForm(options?: ProfileFormOptions): ProfileForm
  /** Whether the host's privacy step (WeChat, Douyin) still needs consent; `needAuthorization: false` where there is none. */
  getPrivacySetting(options?: PrivacyOptions): Promise<PrivacySetting>
  /**
   * Asks for privacy consent now (`requirePrivacyAuthorize`), e.g. when the page loads, so the profile call in the
   * tap needs no `await` first. Resolves at once where there is no privacy step; a refusal rejects PRIVACY_NOT_AUTHORIZED.
   */
  requirePrivacyConsent(options?: PrivacyOptions): Promise<void>
  /**
   * Shows your privacy popup when the host asks (`onNeedPrivacyAuthorization`); answer with `agree()` or `disagree()`.
   * While it waits, a held profile call times out as PRIVACY_NOT_AUTHORIZED, not a bare TIMEOUT. False where there is none.
   */
  onPrivacyConsent(handler: (request: PrivacyConsentRequest) => void): boolean
  /** What a page template must wire for the consent step on `runtime` (default: the detected one); `null` if unknown. */
  getAuthorizeButton(runtime?: RuntimeName | null): AuthorizeButton | null
  /**
   * The profile a `<button open-type="getUserInfo">` event already carries (QQ, Baidu, Kuaishou, JD, Xiaohongshu),
   * without a second native call: pass the `getuserinfo` handler's event (native, Taro or uni-app). A refusal
   * rejects `USER_DENIED`; runtimes whose button carries no profile reject `UNSUPPORTED`.
   * @example
   * onGetUserInfo(event) { fromUserInfoEvent(event).then((info) => this.setData({ info })) }
   */
  fromUserInfoEvent(event: unknown, options?: UserInfoEventOptions): Promise<OpenUserInfo>
  /** Turns the consent button's error event (Alipay `onError`) into a `USER_DENIED` error. */
  fromAuthorizeError(event: unknown): UserProfileError
  /**
   * True for a placeholder instead of a real profile: WeChat's anonymised "微信用户", Baidu's "百度网友", the answer of
   * Douyin's `tt.getUserInfo` fallback (recognised by value), or no name and no avatar at all (Alipay's masked
   * fields). Ask the user to fill the profile in rather than storing it.
   */
  isPlaceholderProfile(info: OpenUserInfo): boolean
}
