// An ES module consumer under moduleResolution "node16": the `import` branch of the `wechat` condition (dist/wechat.d.mts).
import { getUserProfile, UserProfileError, type OpenUserInfo } from 'mini-user-profile'
import { resolveCountry } from 'mini-user-profile/countries'

export async function showProfile(): Promise<string> {
  const info: OpenUserInfo = await getUserProfile({ resolveCountry, timeout: 5000 })
  return `${info.nickName} ${info.gender}`
}

export const isError = (value: unknown): value is UserProfileError => value instanceof UserProfileError
