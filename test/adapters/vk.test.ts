// VK Mini Apps (`vkBridge`): the @vkontakte/vk-bridge 3.0.2 typings (UserInfo, ErrorData, isEmbedded).
import { describe, expect, it } from 'vitest'
import { adapter as vk, login } from '../../adapters/vk'
import { createVk, vkAuthError, vkLaunchParams, vkUser, vkUserDenied } from '../../testing/vk'
import { afterHost, callbacks, deepFreeze, errorFields, mappedAnswer, SIX_KEYS } from './helpers'

const globalsOf = (sim: ReturnType<typeof createVk>) => ({ vkBridge: sim.vkBridge })

describe('vk.detect', () => {
  it.each([
    ['inside a VK client (embedded)', globalsOf(createVk()), true],
    ['the bridge loaded in a tab of its own', globalsOf(createVk({ embedded: false })), false],
    ['no vkBridge', {}, false],
    ['a vkBridge without send', { vkBridge: { isEmbedded: () => true } }, false],
  ])('%s → %s', (_variant, globals, expected) => {
    expect(vk.detect(globals)).toBe(expected)
  })
})

describe('vk.mapSuccess', () => {
  it('maps the typings UserInfo: names, photo_200, sex 1 as F (VK counts the other way round from WeChat)', () => {
    const info = vk.mapSuccess(vkUser)
    expect(info).toStrictEqual({ code: '10000', msg: 'Success', avatar: vkUser.photo_200, gender: 'F', nationality: '', nickName: 'XXX YYY' })
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['sex 2', { sex: 2 }, { gender: 'M' }],
    ['sex 0 (not specified)', { sex: 0 }, { gender: '' }],
    ["VK's camera picture (no photo set)", { photo_200: 'https://vk.ru/images/camera_200.png' }, { avatar: '' }],
    ["VK's older camera URL", { photo_200: 'https://vk.com/images/camera_200.png?ava=1' }, { avatar: '' }],
  ])('maps %s', (_variant, changes, expected) => {
    expect(vk.mapSuccess(deepFreeze({ ...vkUser, ...changes }))).toMatchObject(expected)
  })

  it('reads the country title as a name, for resolveCountry only', () => {
    expect(vk.readCountryName?.(vkUser)).toBe('Россия')
    expect(vk.mapSuccess(vkUser)).toMatchObject({ nationality: '' })
  })

  it.each([['no name and no photo', { id: 1 }], ['null', null], ['a string', 'XXX']])('returns MALFORMED_RESPONSE for %s', (_variant, res) => {
    expect(errorFields(vk.mapSuccess(res))).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime: 'vk' })
  })
})

describe('vk.mapFailure', () => {
  it.each([
    ['client_error 4 (User denied)', vkUserDenied, 'USER_DENIED'],
    ['auth_error', vkAuthError, 'AUTHORIZATION_REQUIRED'],
    ['api_error', { error_type: 'api_error', error_data: { error_code: 15, error_msg: 'Access denied', request_params: [] } }, 'NATIVE_ERROR'],
    ['client_error 1', { error_type: 'client_error', error_data: { error_code: 1, error_reason: 'Unknown error' } }, 'NATIVE_ERROR'],
    ['not an ErrorData', 'oops', 'NATIVE_ERROR'],
  ])('%s → %s', (_variant, res, code) => {
    expect(errorFields(vk.mapFailure(res)).code).toBe(code)
  })
})

describe('vk.request', () => {
  it('sends VKWebAppGetUserInfo once and hands over its answer', async () => {
    const sim = createVk()
    const settle = callbacks()
    expect(vk.request(globalsOf(sim), {}, settle)).toBeUndefined()
    await afterHost()
    expect(mappedAnswer(vk, settle)).toMatchObject({ nickName: 'XXX YYY' })
    expect(sim.calls.map((call) => call.api)).toEqual(['VKWebAppGetUserInfo'])
  })

  it('returns UNSUPPORTED without vkBridge, MALFORMED_RESPONSE when send gives no promise', () => {
    expect(errorFields(vk.request({}, {}, callbacks()))).toMatchObject({ code: 'UNSUPPORTED' })
    expect(errorFields(vk.request({ vkBridge: { send: () => undefined } }, {}, callbacks()))).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })
})

describe('vk login', () => {
  it('gives the signed launch parameters, in key order, as the credential', async () => {
    const settle = callbacks()
    login.request(globalsOf(createVk()), { scopes: 'auth_base' }, settle)
    await afterHost()
    const result = login.mapSuccess(settle.success.mock.calls[0]?.[0])
    expect(result).toMatchObject({ runtime: 'vk' })
    const code = (result as { code: string }).code
    expect(code.split('&').map((pair) => pair.split('=')[0])).toEqual(Object.keys(vkLaunchParams).sort())
    expect(new URLSearchParams(code).get('sign')).toBe(vkLaunchParams.sign)
  })

  it('returns MALFORMED_RESPONSE for launch parameters without a sign', () => {
    expect(errorFields(login.mapSuccess({ vk_app_id: 1 }))).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })
})
