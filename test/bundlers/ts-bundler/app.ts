// A consumer built by a bundler with the `wechat` export condition, type-checked as such: moduleResolution "bundler"
// with customConditions ["wechat"] makes TypeScript read dist/wechat.d.mts, the declarations of what the bundler ships.
import { getAuthorizeButton, getUserProfile, isUserProfileError, type OpenUserInfo, type RuntimeName } from 'mini-user-profile'
import { resolveCountry } from 'mini-user-profile/countries'

export async function showProfile(): Promise<string> {
  try {
    const info: OpenUserInfo = await getUserProfile({ resolveCountry, desc: 'Show your avatar' })
    return `${info.nickName} ${info.nationality}`
  } catch (error) {
    return isUserProfileError(error) ? error.code : 'unknown'
  }
}

export const button = getAuthorizeButton('wechat')
export const runtime: RuntimeName = 'wechat'
// @ts-expect-error the country resolver takes a name
resolveCountry(86)
