// Instant fake native APIs for the speed and concurrency benchmarks: `my` (Alipay) and `wx` + `__wxConfig`
// (WeChat) on globalThis, answering every profile call with the same payload, either synchronously, in a
// microtask, or after a delay. They count the native calls. Not the simulators of mini-user-profile/testing:
// those model consent and taps; these only answer, as fast as possible, so the wrappers' own cost shows.

export const ALIPAY_INNER = {
  code: '10000',
  msg: 'Success',
  avatar: 'https://cdn.example.com/avatars/ana.png',
  gender: 'f',
  countryCode: 'SG',
  nickName: 'Ana 安娜',
}
const ALIPAY_RESPONSE = JSON.stringify({ response: ALIPAY_INNER })

const WECHAT_AVATAR = 'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132'

/** What every implementation must resolve with, per platform: the library's normalized six keys. */
export const EXPECTED = {
  alipay: { code: '10000', msg: 'Success', avatar: ALIPAY_INNER.avatar, gender: 'F', nationality: 'SG', nickName: 'Ana 安娜' },
  wechat: { code: '10000', msg: 'Success', avatar: WECHAT_AVATAR, gender: '', nationality: '', nickName: '微信用户' },
}

/**
 * How the fake answers: 'sync' calls `success` before the API returns, 'microtask' from `queueMicrotask`,
 * a number from `setTimeout` after that many ms.
 */
export const host = { answer: 'sync', calls: 0 }

function deliver(callback, payload) {
  const { answer } = host
  if (answer === 'sync') callback(payload)
  else if (answer === 'microtask') queueMicrotask(() => callback(payload))
  else setTimeout(() => callback(payload), answer)
}

// A fresh payload object per call, as a host's bridge hands over: some wrappers add fields to it (uni's errMsg).
const fakeMy = {
  getOpenUserInfo(options) {
    host.calls++
    deliver(options.success, { response: ALIPAY_RESPONSE })
  },
  getSystemInfoSync: () => ({ app: 'alipay', platform: 'iOS', language: 'en', version: '10.6.0', SDKVersion: '2.9.0' }),
  canIUse: () => true,
}

const fakeWx = {
  getUserProfile(options) {
    host.calls++
    deliver(options.success, {
      userInfo: { nickName: '微信用户', avatarUrl: WECHAT_AVATAR, gender: 0, country: '', province: '', city: '', language: 'zh_CN' },
      rawData: '{}',
      signature: 'fake',
      errMsg: 'getUserProfile:ok',
    })
  },
  getSystemInfoSync: () => ({ platform: 'ios', language: 'zh_CN', version: '8.0.50', SDKVersion: '3.5.0' }),
  canIUse: () => true,
}

// Functions every mini program host defines, which Taro's runtime calls while it loads.
const appGlobals = { getCurrentPages: () => [], getApp: () => ({}) }

/** Puts one platform's fake on globalThis (and takes the other's away), so detection sees one host. */
export function installHost(platform) {
  uninstallHosts()
  Object.assign(globalThis, appGlobals)
  if (platform === 'alipay') {
    globalThis.my = fakeMy
    // Alipay has a `navigator`, and Taro's Alipay runtime reads it when it loads; Node 20 has none.
    if (typeof globalThis.navigator === 'undefined') {
      globalThis.navigator = { userAgent: 'Mozilla/5.0 AlipayClient/10.6.0' }
      ownNavigator = true
    }
  } else {
    globalThis.wx = fakeWx
    globalThis.__wxConfig = { envVersion: 'release' }
  }
}

let ownNavigator = false

export function uninstallHosts() {
  if (ownNavigator) delete globalThis.navigator
  ownNavigator = false
  for (const name of Object.keys(appGlobals)) delete globalThis[name]
  delete globalThis.my
  delete globalThis.wx
  delete globalThis.__wxConfig
}
