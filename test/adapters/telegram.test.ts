// Telegram Mini Apps (`Telegram.WebApp`): platforms.md §17.4, core.telegram.org/bots/webapps.
import { describe, expect, it } from 'vitest'
import { adapter as telegram, login } from '../../adapters/telegram'
import { createTelegram, telegramUser } from '../../testing/telegram'
import { callbacks, deepFreeze, errorFields, SIX_KEYS } from './helpers'

const globalsOf = (sim: ReturnType<typeof createTelegram>) => ({ Telegram: sim.Telegram })

describe('telegram.detect', () => {
  it.each([
    ['a launch inside Telegram', globalsOf(createTelegram()), true],
    ['a launch without a user (initData still signed)', globalsOf(createTelegram({ user: null })), true],
    ['the script loaded outside Telegram (initData "")', globalsOf(createTelegram({ outsideTelegram: true })), false],
    ['no Telegram global', {}, false],
    ['Telegram without WebApp', { Telegram: {} }, false],
    ['initData not a string', { Telegram: { WebApp: { initData: 1 } } }, false],
  ])('%s → %s', (_variant, globals, expected) => {
    expect(telegram.detect(globals)).toBe(expected)
  })
})

describe('telegram.mapSuccess', () => {
  it('maps the documented WebAppUser: first and last name, photo_url, no gender or nationality', () => {
    const info = telegram.mapSuccess(telegramUser)
    expect(info).toStrictEqual({ code: '10000', msg: 'Success', avatar: telegramUser.photo_url, gender: '', nationality: '', nickName: 'XXX YYY' })
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
  })

  it.each([
    ['first name only', { id: 1, first_name: 'Ana' }, { nickName: 'Ana' }],
    ['username when both names are missing', { id: 1, username: 'ana_s' }, { nickName: 'ana_s' }],
    ['names before username', { id: 1, first_name: 'Ana', username: 'ana_s' }, { nickName: 'Ana' }],
    ['an svg photo_url', { id: 1, photo_url: 'https://t.me/i/userpic/320/a.svg' }, { avatar: 'https://t.me/i/userpic/320/a.svg' }],
    ['a javascript: photo_url', { id: 1, first_name: 'A', photo_url: 'javascript:alert(1)' }, { avatar: '' }],
    ['a language_code (a language, not a country)', { id: 1, first_name: 'A', language_code: 'en' }, { nationality: '' }],
    ['a 43-character CJK first name (129 bytes)', { id: 1, first_name: '微'.repeat(43) }, { nickName: '微'.repeat(42) }],
  ])('maps %s', (_variant, user, expected) => {
    expect(telegram.mapSuccess(deepFreeze(user))).toMatchObject(expected)
  })

  it.each([['a string', 'unparsed'], ['null', null], ['an array', []]])('returns MALFORMED_RESPONSE for %s', (_variant, user) => {
    expect(errorFields(telegram.mapSuccess(user))).toMatchObject({ code: 'MALFORMED_RESPONSE', runtime: 'telegram' })
  })
})

describe('telegram.request', () => {
  it('hands the launch user over synchronously, with no API call', () => {
    const settle = callbacks()
    expect(telegram.request(globalsOf(createTelegram()), {}, settle)).toBeUndefined()
    expect(settle.success.mock.calls).toEqual([[telegramUser]])
  })

  it('returns AUTHORIZATION_REQUIRED for a launch without a user', () => {
    const settle = callbacks()
    expect(errorFields(telegram.request(globalsOf(createTelegram({ user: null })), {}, settle))).toMatchObject({ code: 'AUTHORIZATION_REQUIRED' })
    expect(settle.success).not.toHaveBeenCalled()
  })

  it('returns UNSUPPORTED without Telegram.WebApp, and lets a throwing host getter throw to the core', () => {
    expect(errorFields(telegram.request({}, {}, callbacks()))).toMatchObject({ code: 'UNSUPPORTED' })
    expect(() => telegram.request(globalsOf(createTelegram({ answers: 'throw' })), {}, callbacks())).toThrow('simulated bridge failure')
  })

  it('says there is no consent step', () => {
    expect(telegram.authorizeButton).toMatchObject({ consentAt: 'launch' })
  })
})

describe('telegram login', () => {
  it('gives initData, the signed launch data, as the credential', () => {
    const sim = createTelegram()
    const settle = callbacks()
    login.request(globalsOf(sim), { scopes: 'auth_base' }, settle)
    expect(login.mapSuccess(settle.success.mock.calls[0]?.[0])).toEqual({ code: sim.Telegram.WebApp.initData, runtime: 'telegram' })
    expect(String(sim.Telegram.WebApp.initData)).toMatch(/^query_id=.*&user=.*&auth_date=\d+&hash=[0-9a-f]{64}$/)
  })
})
