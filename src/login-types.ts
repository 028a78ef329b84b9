import type { UserProfileError } from './errors.js'
import type { RuntimeName } from './types.js'

/**
 * A host's login code, for your server to exchange once (WeChat `code2Session`, Alipay `alipay.system.oauth.token`, …).
 * Single use and short-lived (3 to 10 minutes): send it to your server at once; the library never stores or logs it.
 */
export interface LoginCode {
  /** The code to exchange. `''` only on Douyin when the user is not logged in (`isLogin: false`): use `anonymousCode`. */
  code: string
  runtime: RuntimeName
  /** Douyin: identifies the device, logged in or not (`anonymous_code` of `jscode2session`). */
  anonymousCode?: string
  /** Douyin: whether the user is logged in to the app (`tt.login`'s `isLogin`). */
  isLogin?: boolean
  /** Alipay, Taobao: the scopes the code was granted (`authSuccessScopes`). */
  authSuccessScopes?: string[]
  /** Alipay, Taobao: the scopes that failed, each with its error code (`authErrorScopes`). */
  authErrorScopes?: Record<string, string>
}

export interface GetLoginCodeOptions {
  /** Alipay, Taobao: `my.getAuthCode` scopes. Default `'auth_base'` (silent); `'auth_user'` asks the user. Elsewhere ignored. */
  scopes?: string | readonly string[]
  /** Douyin: open the login page when the user is not logged in (`tt.login`'s `force`, default true there). */
  force?: boolean
  /** DingTalk: the organisation's `corpId`, required by `dd.getAuthCode`. */
  corpId?: string
  /** Milliseconds to wait for the host before rejecting with `TIMEOUT`. Default 120000; `Infinity` waits forever. */
  timeout?: number
  /** Use this runtime instead of detecting one. */
  runtime?: RuntimeName
  success?: (login: LoginCode) => void
  fail?: (error: UserProfileError) => void
  complete?: (result: LoginCode | UserProfileError) => void
}

/** What `my.getAuthCode` hands to `success`. */
export interface AuthCodeSuccessResult {
  authCode: string
  authErrorScopes: Record<string, string>
  authSuccessScopes: string[]
}

/** What `my.getAuthCode` hands to `fail`. */
export interface AuthCodeFailResult {
  error: number
  errorMessage: string
}

export interface GetAuthCodeOptions {
  scopes?: string | readonly string[]
  timeout?: number
  runtime?: RuntimeName
  corpId?: string
  force?: boolean
  success?: (res: AuthCodeSuccessResult) => void
  fail?: (res: AuthCodeFailResult) => void
  complete?: (res: AuthCodeSuccessResult | AuthCodeFailResult) => void
}
