// The physical reference for Alipay and the Alipay+ wallets: what a careful developer writes by hand to get the
// library's six-key shape straight from `my.getOpenUserInfo`, with the library's rules (src/normalize.ts): parse
// `res.response`, code '10000', gender M/F, nationality (the wallets send `countryCode`) as two letters, an
// http(s) avatar that fits 2048 bytes whole, text cut to 128 bytes of UTF-8. No error taxonomy: anything else rejects.

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

/** The inner `response` of a successful answer, as the library returns it. */
export function toProfile(response) {
  const { avatar, nickName } = response
  const nationality = response.nationality || response.countryCode
  const gender = String(response.gender).toUpperCase()
  return {
    code: '10000',
    msg: cut(response.msg, 128) || 'Success',
    avatar: typeof avatar === 'string' && /^https?:\/\/[^\s/?#@]+([/?#]\S*)?$/i.test(avatar) && cut(avatar, 2048) === avatar ? avatar : '',
    gender: gender === 'M' || gender === 'F' ? gender : '',
    nationality: /^[A-Za-z]{2}$/.test(nationality) ? nationality.toUpperCase() : '',
    nickName: cut(nickName, 128),
  }
}

export function getUserProfile() {
  return new Promise((resolve, reject) => {
    my.getOpenUserInfo({
      success(res) {
        try {
          const response = JSON.parse(res.response).response
          if (response.code === '10000') resolve(toProfile(response))
          else reject(response) // 40003, 40006…: the caller reads response.code
        } catch (error) {
          reject(error)
        }
      },
      fail: reject,
    })
  })
}
