// Taro 4 on Alipay: the platform plugin's runtime (Taro's build injects it into app.js) fills `Taro` with the
// promisified `my` APIs; the glue is the parse and the same mapping as the hand-written reference.
import '@tarojs/plugin-platform-alipay/dist/runtime'
import Taro from '@tarojs/taro'
import { toProfile } from '../hand-written/alipay.mjs'

export function getUserProfile() {
  return Taro.getOpenUserInfo().then((res) => {
    const response = JSON.parse(res.response).response
    if (response.code !== '10000') throw response
    return toProfile(response)
  })
}
