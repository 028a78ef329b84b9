// Taro 4 on WeChat: the platform plugin's runtime (Taro's build injects it into app.js) fills `Taro` with the
// promisified `wx` APIs; the glue is the same mapping as the hand-written reference.
import '@tarojs/plugin-platform-weapp/dist/runtime'
import Taro from '@tarojs/taro'
import { toProfile } from '../hand-written/wechat.mjs'

export function getUserProfile({ desc = '用于展示你的头像和昵称' } = {}) {
  return Taro.getUserProfile({ desc }).then((res) => toProfile(res.userInfo))
}
