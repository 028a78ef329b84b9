import type { UserProfileError } from './errors.js'
import type { adapters } from './runtimes.js'

/** `'M'` male, `'F'` female, `''` unknown or not shared. */
export type Gender = 'M' | 'F' | ''

/** The runtimes this library can drive, from the registry (src/runtimes.ts). Each is also an entry: `mini-user-profile/<name>`. */
export type RuntimeName = (typeof adapters)[number]['runtime']

/**
 * The Alipay+ `my.getOpenUserInfo` profile plus `nickName`. Every key is always present; `''` when unknown.
 * `nickName` and `msg` are at most 128 UTF-8 bytes, `avatar` an http(s) URL of at most 2048 bytes.
 */
export interface OpenUserInfo {
  /** `'10000'` on success. */
  code: string
  msg: string
  avatar: string
  gender: Gender
  /** ISO 3166-1 alpha-2, upper case (`'US'`, `'SG'`). */
  nationality: string
  nickName: string
}

export interface GetUserProfileOptions {
  /** Why you ask (WeChat shows it in the consent popup, at most 30 characters). */
  desc?: string
  /** Milliseconds to wait for the host before rejecting with `TIMEOUT`. Default 120000; `Infinity` waits forever. */
  timeout?: number
  /** Use this runtime instead of detecting one, for hosts that detection cannot tell apart. */
  runtime?: RuntimeName
  /** Douyin: let `tt.getUserProfile` open the login page when the user is not logged in. */
  force?: boolean
  /**
   * Turns a country *name* (Douyin, QQ, older WeChat) into an ISO alpha-2 code, e.g. `resolveCountry` from
   * `mini-user-profile/countries`. Without it, or when it answers anything but a code, `nationality` stays `''`.
   */
  resolveCountry?: (name: string) => string
  success?: (info: OpenUserInfo) => void
  fail?: (error: UserProfileError) => void
  complete?: (result: OpenUserInfo | UserProfileError) => void
}

export interface ProfileFormOptions {
  /**
   * Uploads the chosen avatar, a temporary local file (`wxfile://tmp_…`, `http://tmp/…`), with your own code
   * (`wx.uploadFile` to your server, cloud storage…) and resolves the http(s) URL it can be loaded from.
   */
  upload?: (tempFilePath: string) => Promise<string> | string
  /**
   * Milliseconds `submit()` waits for the `nicknamereview` of a name not reviewed yet (WeChat reviews after blur,
   * asynchronously). Default 1000; 0 does not wait. Wire `bindnicknamereview`, or every Save waits this long.
   */
  reviewTimeout?: number
}

/** What the form holds so far; the temporary avatar path is never exposed as if it were a URL. */
export interface ProfileFormState {
  avatarChosen: boolean
  /** The nickname typed or picked; `''` while it is rejected. */
  nickName: string
  nicknameRejected: boolean
}

/** The WeChat fill-in: one method per component event; each returns the field's error, or `null` when accepted. */
export interface ProfileForm {
  /** `bindchooseavatar` of `<button open-type="chooseAvatar">`. */
  chooseAvatar(event: unknown): UserProfileError | null
  /** `bindinput`, `bindchange` or `bindblur` of `<input type="nickname">`. */
  nickname(event: unknown): UserProfileError | null
  /** `bindnicknamereview` of the same input: a failed review gives `NICKNAME_REJECTED`. */
  nicknameReview(event: unknown): UserProfileError | null
  readonly state: ProfileFormState
  /** Uploads the avatar through `upload` and gives the six-key profile (`gender` and `nationality` `''`). */
  submit(): Promise<OpenUserInfo>
}

/** What `getPrivacySetting()` says: whether the host's privacy step still needs the user's consent. */
export interface PrivacySetting {
  needAuthorization: boolean
  /** The privacy agreement's name as the host shows it (`privacyContractName`); `''` when none. */
  contractName: string
}

/** Options of `getPrivacySetting` and `requirePrivacyConsent`. */
export interface PrivacyOptions {
  /** Milliseconds to wait for the host (and, for requirePrivacyConsent, the user) before TIMEOUT. Default 120000. */
  timeout?: number
}

/** The host asks the page for privacy consent (its `onNeedPrivacyAuthorization`): show your popup, then answer once. */
export interface PrivacyConsentRequest {
  /** The API that needs it, as the host says (`eventInfo.referrer`), e.g. 'getUserProfile'; `''` when not said. */
  referrer: string
  /** The user agreed; pass the `id` of your `<button open-type="agreePrivacyAuthorization">` where the host wants it. */
  agree(buttonId?: string): void
  /** The user refused: the held call fails with PRIVACY_NOT_AUTHORIZED. */
  disagree(): void
}

/** Options of `fromUserInfoEvent`. */
export interface UserInfoEventOptions {
  /** Read the event as this runtime's instead of the detected one's. */
  runtime?: RuntimeName
  /** As for `getUserProfile`: turns the payload's country *name* into an ISO alpha-2 code. */
  resolveCountry?: (name: string) => string
}

/** What `my.getOpenUserInfo` hands to `success`: the double-encoded JSON string. */
export interface OpenUserInfoSuccessResult {
  response: string
}

/** What `my.getOpenUserInfo` hands to `fail`. */
export interface OpenUserInfoFailResult {
  error: number
  errorMessage: string
}

export interface GetOpenUserInfoOptions {
  desc?: string
  timeout?: number
  runtime?: RuntimeName
  force?: boolean
  resolveCountry?: (name: string) => string
  success?: (res: OpenUserInfoSuccessResult) => void
  fail?: (res: OpenUserInfoFailResult) => void
  complete?: (res: OpenUserInfoSuccessResult | OpenUserInfoFailResult) => void
}

/** What a page template must wire so the user's press authorises the profile read. */
export interface AuthorizeButton {
  /** The `<button open-type>` value, where the runtime needs one. */
  openType?: string
  /** The `<button scope>` value, where the runtime needs one. */
  scope?: string
  /** The event whose handler should call `getUserProfile()`. */
  event: string
  /** The event that reports a refused authorisation; pass it to `fromAuthorizeError`. */
  errorEvent?: string
  /** Where the real profile comes from fill-in components (WeChat since 2022-11-08): wire these to `createProfileForm`. */
  fillIn?: FillInControls
  /**
   * Where the host asks for consent when the page has no control for it: `'launch'` (Telegram: the user's data comes
   * with the launch, nobody is asked), `'login'` (LINE: the channel's consent screen, during `liff.login()`).
   */
  consentAt?: 'launch' | 'login'
}

/** The fill-in components and the events a `ProfileForm` reads. */
export interface FillInControls {
  avatar: { openType: 'chooseAvatar'; event: 'chooseavatar' }
  nickname: { type: 'nickname'; events: readonly ['input', 'change', 'blur']; reviewEvent: 'nicknamereview' }
}

export type MockOutcome = 'grant' | 'deny' | 'insufficient-permissions' | 'timeout' | 'error'

export interface MockOptions {
  /** `false` turns the mock off again: a web page's `getUserProfile()` then rejects `UNSUPPORTED`. Default `true`. */
  enabled?: boolean
  /** Profile fields the mock returns on grant; normalised like any native payload. */
  profile?: Partial<Omit<OpenUserInfo, 'code' | 'msg'>>
  outcome?: MockOutcome
  /** Milliseconds before the mock answers (default 0: the next tick). */
  latency?: number
  /** Show an accessible Allow / Deny dialog in the page and let its answer decide the outcome. */
  prompt?: boolean
}
