// The physical reference for WeChat: what a careful developer writes by hand to get the library's six-key shape
// straight from `wx.getUserProfile`, with the library's rules (src/normalize.ts): gender 1/2 to M/F, an http(s)
// avatar that fits 2048 bytes whole, the nickname cut to 128 bytes of UTF-8, and no nationality (WeChat's `country`
// is a localized name, and empty since 2021). No error taxonomy: a failure rejects with WeChat's own payload.

/** `text` cut to at most `max` bytes of UTF-8 on a character boundary; '' for a non-string. */
function cut(text, max) {
  if (typeof text !== 'string') return ''
  let bytes = 0
  let i = 0
  for (; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const pair = unit >= 0xd800 && unit < 0xdc00
    const size = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3
    if (bytes + size > max) break
    bytes += size
    if (pair) i++
  }
  return text.slice(0, i)
}

/** `res.userInfo` of a successful answer, as the library returns it. */
export function toProfile(userInfo) {
  const { avatarUrl, gender } = userInfo
  return {
    code: '10000',
    msg: 'Success',
    avatar: typeof avatarUrl === 'string' && /^https?:\/\/[^\s/?#@]+([/?#]\S*)?$/i.test(avatarUrl) && cut(avatarUrl, 2048) === avatarUrl ? avatarUrl : '',
    gender: gender === 1 ? 'M' : gender === 2 ? 'F' : '',
    nationality: '',
    nickName: cut(userInfo.nickName, 128),
  }
}

// Call it first thing in a tap handler: WeChat shows its popup only while the tap is running.
export function getUserProfile({ desc = '用于展示你的头像和昵称' } = {}) {
  return new Promise((resolve, reject) => {
    wx.getUserProfile({ desc, success: (res) => resolve(toProfile(res.userInfo)), fail: reject })
  })
}
