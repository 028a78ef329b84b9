// The hand-written reference for getLoginCode on Alipay: `my.getAuthCode({ scopes })` wrapped in a promise, with the
// library's result shape (authCode → code, the scopes kept) and its one rule on the answer (no code, no login).
export function getLoginCode({ scopes = 'auth_base' } = {}) {
  return new Promise((resolve, reject) => {
    my.getAuthCode({
      scopes,
      success: (res) =>
        typeof res.authCode === 'string' && res.authCode
          ? resolve({ code: res.authCode, runtime: 'alipay', authSuccessScopes: res.authSuccessScopes, authErrorScopes: res.authErrorScopes })
          : reject(res),
      fail: reject,
    })
  })
}
