// mpx on Alipay, the smallest form: the named, tree-shakable `getUserInfo` export of @mpxjs/api-proxy (it calls
// my.getOpenUserInfo with callbacks), wrapped in a Promise by hand. The glue is that wrapper, the parse and the
// same mapping as the hand-written reference.
import { getUserInfo } from '@mpxjs/api-proxy'
import { toProfile } from '../hand-written/alipay.mjs'

export function getUserProfile() {
  return new Promise((resolve, reject) => {
    getUserInfo({
      success(res) {
        try {
          const response = JSON.parse(res.response).response
          if (response.code === '10000') resolve(toProfile(response))
          else reject(response)
        } catch (error) {
          reject(error)
        }
      },
      fail: reject,
    })
  })
}
