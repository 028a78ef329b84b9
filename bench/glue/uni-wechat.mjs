// uni-app 3 on WeChat: `uni` is the api runtime its build injects for the `uni` global; uni.getUserProfile is
// wx.getUserProfile, promisified. The glue is the same mapping as the hand-written reference.
import uni from '@dcloudio/uni-mp-weixin/dist/uni.api.esm.js'
import { toProfile } from '../hand-written/wechat.mjs'

export function getUserProfile({ desc = '用于展示你的头像和昵称' } = {}) {
  return uni.getUserProfile({ desc }).then((res) => toProfile(res.userInfo))
}
