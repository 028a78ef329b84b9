// uni-app 3 on Alipay: `uni` is the api runtime its build injects for the `uni` global. uni.getUserInfo calls
// my.getOpenUserInfo and already parses `res.response` into `userInfo` (avatar renamed avatarUrl); the glue is the
// code check and the same mapping as the hand-written reference.
import uni from '@dcloudio/uni-mp-alipay/dist/uni.api.esm.js'
import { toProfile } from '../hand-written/alipay.mjs'

export function getUserProfile() {
  return uni.getUserInfo().then((res) => {
    const response = res.userInfo
    if (!response || response.code !== '10000') throw res
    response.avatar = response.avatarUrl
    return toProfile(response)
  })
}
