// mpx on Alipay: @mpxjs/api-proxy's getUserInfo is my.getOpenUserInfo; `getProxy({ usePromise: true })` is the
// standalone form of `mpx.use(apiProxy, { usePromise: true })`. The glue is the parse and the same mapping as
// the hand-written reference.
import { getProxy } from '@mpxjs/api-proxy'
import { toProfile } from '../hand-written/alipay.mjs'

const api = getProxy({ usePromise: true })

export function getUserProfile() {
  return api.getUserInfo().then((res) => {
    const response = JSON.parse(res.response).response
    if (response.code !== '10000') throw response
    return toProfile(response)
  })
}
