// A CommonJS consumer under moduleResolution "node16": the `require` branch of the `wechat` condition (dist/wechat.d.cts).
import { getUserProfile, type OpenUserInfo } from 'mini-user-profile'
import { resolveCountry } from 'mini-user-profile/countries'

export function showProfile(): Promise<OpenUserInfo> {
  return getUserProfile({ resolveCountry, desc: 'Show your avatar' })
}
