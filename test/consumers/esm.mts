// A strict ESM consumer of the published types (resolved through package.json "exports", import branch).
import {
  detectRuntime,
  fromAuthorizeError,
  getAuthorizeButton,
  getOpenUserInfo,
  getUserProfile,
  configureMock,
  isPlaceholderProfile,
  UserProfileError,
  type ErrorCode,
  type Gender,
  type OpenUserInfo,
  type RuntimeName,
} from 'mini-user-profile'
import * as wechatEntry from 'mini-user-profile/wechat'
import * as alipayEntry from 'mini-user-profile/alipay'
import * as browserEntry from 'mini-user-profile/browser'
import { resolveCountry } from 'mini-user-profile/countries'

// Our types must not declare host globals in the consumer's program (miniprogram-api-typings declares `wx`).
declare const wx: number
declare const my: string
export const hostGlobals: [number, string] = [wx, my]

export async function showProfile(): Promise<string> {
  const info: OpenUserInfo = await getUserProfile({
    resolveCountry,
    runtime: 'wechat',
    force: false,
    desc: 'Show your avatar',
    timeout: 5000,
    success: (result) => void (result.gender satisfies Gender),
    fail: (error) => void (error.code satisfies ErrorCode),
    complete: (result) => void (result instanceof UserProfileError ? result.runtime : result.nickName),
  })
  // @ts-expect-error gender is a closed union
  const wrong: Gender = 'X'
  void wrong
  return `${info.nickName} ${info.avatar} ${info.nationality} ${info.code} ${info.msg}`
}

export function advise(error: unknown): string {
  if (!(error instanceof UserProfileError)) return 'unknown'
  switch (error.code) {
    case 'USER_DENIED':
    case 'INSUFFICIENT_PERMISSIONS':
    case 'AUTHORIZATION_REQUIRED':
    case 'NOT_USER_GESTURE':
    case 'PRIVACY_NOT_AUTHORIZED':
    case 'NICKNAME_REJECTED':
    case 'AVATAR_UPLOAD_FAILED':
    case 'INVALID_OPTIONS':
    case 'UNSUPPORTED':
    case 'TIMEOUT':
    case 'MALFORMED_RESPONSE':
    case 'NATIVE_ERROR':
      return `${error.code} ${String(error.nativeCode)} ${error.nativeMessage ?? ''} ${error.subCode ?? ''}`
    default: {
      const exhaustive: never = error.code
      return exhaustive
    }
  }
}

getOpenUserInfo({
  success: (res) => JSON.parse(res.response),
  fail: (res) => res.error.toFixed() + res.errorMessage,
})
const runtime: RuntimeName | null = detectRuntime()
const button = getAuthorizeButton(runtime)
export const event: string | undefined = button?.event
export const denied: UserProfileError = fromAuthorizeError({ detail: { type: 'getAuthorize', errorMessage: 'x' } })
configureMock({ outcome: 'deny', latency: 10, prompt: true, profile: { nickName: 'Ana', gender: 'F' } })
// @ts-expect-error unknown mock outcome
configureMock({ outcome: 'maybe' })
// @ts-expect-error desc is a string
void getUserProfile({ desc: 1 })

// @ts-expect-error not a runtime name
void getUserProfile({ runtime: 'symbian' })
export const placeholder: boolean = isPlaceholderProfile(await getUserProfile())

// Every runtime entry exports the same API.
export const entries: (typeof import('mini-user-profile'))[] = [wechatEntry, alipayEntry, browserEntry]
