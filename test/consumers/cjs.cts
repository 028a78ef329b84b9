// A strict CommonJS consumer of the published types (resolved through package.json "exports", require branch).
import profile = require('mini-user-profile')
import alipay = require('mini-user-profile/alipay')

export async function read(): Promise<profile.OpenUserInfo | profile.ErrorCode> {
  try {
    return await alipay.getUserProfile({ desc: 'Show your avatar' })
  } catch (error) {
    return error instanceof profile.UserProfileError ? error.code : 'NATIVE_ERROR'
  }
}

export const runtime: profile.RuntimeName | null = profile.detectRuntime({})
