// mpx on WeChat: `getProxy({ usePromise: true })`, the standalone form of `mpx.use(apiProxy, { usePromise: true })`,
// passes wx.getUserProfile through, promisified. The glue is the same mapping as the hand-written reference.
import { getProxy } from '@mpxjs/api-proxy'
import { toProfile } from '../hand-written/wechat.mjs'

const api = getProxy({ usePromise: true })

export function getUserProfile({ desc = '用于展示你的头像和昵称' } = {}) {
  return api.getUserProfile({ desc }).then((res) => toProfile(res.userInfo))
}
