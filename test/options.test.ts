import { describe, expect, it, vi } from 'vitest'
import { getUserProfile, isPlaceholderProfile, UserProfileError, type OpenUserInfo } from '../src/index'
import { createWx, wechatAnonymized, wechatProfile } from '../testing/wx'

/** A host API that answers `success(payload)` on the next tick and records the options it received. */
function answering(payload: unknown) {
  return vi.fn((options: { success?: (res: unknown) => void }) => setTimeout(() => options.success?.(payload), 0))
}

const userInfoPayload = (country: string) => ({ userInfo: { nickName: 'Ana', avatarUrl: 'https://a.example/a.png', gender: 2, country } })

describe('the runtime option', () => {
  it('forces a runtime that detection would not pick', async () => {
    // A `my` host with an unknown app name is taken for Alipay; the caller knows it is Taobao.
    const authorize = vi.fn((options: { success: () => void }) => setTimeout(options.success, 0))
    const getAuthUserInfo = answering({ nickName: 'Ana', avatar: 'https://a.example/a.png' })
    vi.stubGlobal('my', { getSystemInfoSync: () => ({ app: 'Tmall' }), authorize, getAuthUserInfo })
    await expect(getUserProfile({ runtime: 'taobao' })).resolves.toMatchObject({ nickName: 'Ana', avatar: 'https://a.example/a.png' })
    expect(authorize.mock.calls[0]?.[0]).toMatchObject({ scopes: 'scope.userInfo' })
  })

  it('rejects UNSUPPORTED for a runtime name this build lacks, listing what it has', async () => {
    const error = (await getUserProfile({ runtime: 'symbian' as never }).catch((reason: unknown) => reason)) as UserProfileError
    expect(error).toBeInstanceOf(UserProfileError)
    expect(error).toMatchObject({ code: 'UNSUPPORTED' })
    expect(error.message).toContain('douyin')
  })

  it('rejects INVALID_OPTIONS for a runtime that is not a string', async () => {
    await expect(getUserProfile({ runtime: 5 as never })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' })
  })
})

describe('the force option', () => {
  it('passes force through to tt.getUserProfile, and nothing when it is not given', async () => {
    const getUserProfileApi = answering(userInfoPayload('中国'))
    vi.stubGlobal('tt', { getUserProfile: getUserProfileApi, getSystemInfoSync: () => ({ appName: 'Douyin' }) })
    await getUserProfile({ force: true })
    await getUserProfile()
    expect(getUserProfileApi.mock.calls[0]?.[0]).toMatchObject({ force: true })
    expect(getUserProfileApi.mock.calls[1]?.[0]).not.toHaveProperty('force')
  })

  it('rejects INVALID_OPTIONS for a force that is not a boolean', async () => {
    vi.stubGlobal('tt', { getUserProfile: answering(userInfoPayload('')) })
    await expect(getUserProfile({ force: 'yes' as never })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' })
  })
})

describe('the resolveCountry option', () => {
  function installQq(country: string) {
    vi.stubGlobal('qq', { getUserInfo: answering(userInfoPayload(country)) })
  }

  it('leaves nationality empty for a country name without a resolver', async () => {
    installQq('中国')
    await expect(getUserProfile()).resolves.toMatchObject({ nationality: '' })
  })

  it('turns the host country name into nationality with the caller resolver', async () => {
    installQq('中国')
    const resolveCountry = vi.fn((name: string) => (name === '中国' ? 'CN' : ''))
    await expect(getUserProfile({ resolveCountry })).resolves.toMatchObject({ nationality: 'CN' })
    expect(resolveCountry).toHaveBeenCalledWith('中国')
  })

  it.each([
    ['a country name', 'China'],
    ['a three-letter code', 'CHN'],
    ['an empty string', ''],
    ['a number', 86],
    ['undefined', undefined],
  ])('gives an empty nationality when the resolver answers %s', async (_title, answer) => {
    installQq('中国')
    await expect(getUserProfile({ resolveCountry: () => answer as never })).resolves.toMatchObject({ nationality: '' })
  })

  it('upper-cases a lower-case code from the resolver', async () => {
    installQq('中国')
    await expect(getUserProfile({ resolveCountry: () => 'cn' })).resolves.toMatchObject({ nationality: 'CN' })
  })

  it('still resolves the profile when the resolver throws', async () => {
    installQq('中国')
    const info = await getUserProfile({
      resolveCountry: () => {
        throw new Error('resolver bug')
      },
    })
    expect(info).toMatchObject({ nickName: 'Ana', nationality: '' })
  })

  it('applies each concurrent caller its own resolver over one native request', async () => {
    const getUserInfo = answering(userInfoPayload('中国'))
    vi.stubGlobal('qq', { getUserInfo })
    const [withResolver, without] = await Promise.all([getUserProfile({ resolveCountry: () => 'CN' }), getUserProfile()])
    expect(getUserInfo).toHaveBeenCalledTimes(1)
    expect(withResolver.nationality).toBe('CN')
    expect(without.nationality).toBe('')
  })

  it('rejects INVALID_OPTIONS for a resolver that is not a function', async () => {
    installQq('中国')
    await expect(getUserProfile({ resolveCountry: 'CN' as never })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' })
  })
})

describe('isPlaceholderProfile', () => {
  const profile = (nickName: string, avatar: string): OpenUserInfo => ({ code: '10000', msg: 'Success', avatar, gender: '', nationality: '', nickName })

  it.each([
    ["WeChat's anonymised profile (微信用户, grey avatar)", profile(wechatAnonymized.userInfo.nickName, wechatAnonymized.userInfo.avatarUrl)],
    ["Baidu's anonymous answer (百度网友)", profile('百度网友', 'https://b.bdstatic.com/default.png')],
    ["Alipay's masked profile (no name, no avatar)", profile('', '')],
  ])('recognises %s', (_title, info) => {
    expect(isPlaceholderProfile(info)).toBe(true)
  })

  it.each([
    ['a real WeChat profile', profile(wechatProfile.userInfo.nickName, wechatProfile.userInfo.avatarUrl)],
    ['a name without an avatar', profile('Ana', '')],
    ['an avatar without a name', profile('', 'https://a.example/a.png')],
  ])('accepts %s as real', (_title, info) => {
    expect(isPlaceholderProfile(info)).toBe(false)
  })

  it('treats something that is not a profile as a placeholder instead of throwing', () => {
    expect(isPlaceholderProfile(null as never)).toBe(true)
  })

  it('recognises the profile the WeChat simulator hands out by default', async () => {
    const sim = createWx()
    vi.stubGlobal('wx', sim.wx)
    vi.stubGlobal('__wxConfig', sim.wxConfig)
    expect(isPlaceholderProfile(await sim.tap(() => getUserProfile()))).toBe(true)
  })
})
