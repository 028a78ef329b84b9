// The hand-written reference for getLoginCode on WeChat: `wx.login` wrapped in a promise, with the library's result
// shape and its one rule on the answer (no code, no login). No error taxonomy, no timeout of its own.
export function getLoginCode() {
  return new Promise((resolve, reject) => {
    wx.login({ success: (res) => (typeof res.code === 'string' && res.code ? resolve({ code: res.code, runtime: 'wechat' }) : reject(res)), fail: reject })
  })
}
