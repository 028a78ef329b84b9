// fromUserInfoEvent: the profile a `<button open-type="getUserInfo">` event already carries (platforms.md §6–§10:
// `bindgetuserinfo`'s `event.detail` is the host's getUserInfo payload), read with no second native call. The runtimes
// are every kit host whose consent button is that button (getAuthorizeButton), so a new one is covered by its data.
import { afterEach, describe, expect, it } from 'vitest'
import { fromUserInfoEvent, getAuthorizeButton, getUserProfile, isPlaceholderProfile } from '../src/index'
import { install, SIMULATED_RUNTIMES, type SimulatedHost } from '../testing/index'
import { errorFields, SIX_KEYS } from './adapters/helpers'

const buttonRuntimes = SIMULATED_RUNTIMES.filter((runtime) => getAuthorizeButton(runtime)?.openType === 'getUserInfo')
const otherRuntimes = SIMULATED_RUNTIMES.filter((runtime) => !buttonRuntimes.includes(runtime))

// How the frameworks hand the native event to a handler: both keep `detail` (Taro's BaseEventOrig; uni-app's
// normalised event, which also keeps the original under `mp`).
const wrappers: ReadonlyArray<readonly [string, (event: unknown) => unknown]> = [
  ['a native event', (event) => event],
  ['a Taro event', (event) => ({ type: 'getuserinfo', timeStamp: 1, target: {}, currentTarget: {}, detail: (event as { detail: unknown }).detail })],
  ['a uni-app event', (event) => ({ type: 'getuserinfo', detail: (event as { detail: unknown }).detail, mp: event, stopPropagation() {} })],
]

let host: SimulatedHost | undefined
afterEach(() => {
  host?.restore()
  host = undefined
})

/** Native calls to the profile API, besides the button press itself. */
const profileCalls = (installed: SimulatedHost) => installed.calls.filter((call) => call.api === installed.requestApi)

it('covers the getUserInfo-button hosts of the kit, and resolves a country where the payload has one', async () => {
  expect(buttonRuntimes.length).toBeGreaterThanOrEqual(5)
  const nationalities: string[] = []
  for (const runtime of buttonRuntimes) {
    const installed = install(runtime, { profile: { nickName: 'Ana', country: '中国' } })
    nationalities.push((await fromUserInfoEvent(installed.authorize('allow'), { resolveCountry: () => 'CN' })).nationality)
    installed.restore()
  }
  expect(nationalities).toContain('CN')
})

describe.each(buttonRuntimes)('fromUserInfoEvent on %s', (runtime) => {
  it.each(wrappers)('gives the same profile from %s as getUserProfile() after the button, with no native call', async (_shape, wrap) => {
    host = install(runtime, { profile: { nickName: 'Ana', avatar: 'https://example.test/ana.png', gender: 2, country: '中国' } })
    const event = host.authorize('allow')
    const info = await fromUserInfoEvent(wrap(event))
    expect(profileCalls(host)).toHaveLength(0)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
    expect(info).toMatchObject({ code: '10000', nickName: 'Ana', avatar: 'https://example.test/ana.png', gender: 'F', nationality: '' })
    expect(info).toEqual(await getUserProfile())
  })

  it('resolves the country with resolveCountry, as getUserProfile does', async () => {
    host = install(runtime, { profile: { nickName: 'Ana', country: '中国' } })
    const resolveCountry = (name: string) => (name === '中国' ? 'CN' : '')
    const info = await fromUserInfoEvent(host.authorize('allow'), { resolveCountry })
    // 'CN' where the host's payload has a country (§6, §8), '' where its docs show none: the same as getUserProfile
    expect(['CN', '']).toContain(info.nationality)
    expect(info).toEqual(await getUserProfile({ resolveCountry }))
  })

  it('rejects a refusal event with USER_DENIED, or gives the host\'s anonymous profile where the host answers one', async () => {
    host = install(runtime, { scenario: 'deny' })
    const outcome = await fromUserInfoEvent(host.authorize('deny')).catch((error: unknown) => error)
    if (outcome instanceof Error) expect(errorFields(outcome)).toMatchObject({ code: 'USER_DENIED', runtime })
    else expect(isPlaceholderProfile(outcome as never)).toBe(true) // Baidu: "百度网友" on refusal (§7)
    expect(profileCalls(host)).toHaveLength(0)
  })

  it.each([
    ['no event', undefined],
    ['an event without a profile', { type: 'getuserinfo', detail: { errMsg: 'getUserInfo:ok' } }],
    ['a detail that is a string', { detail: 'x' }],
  ])('rejects MALFORMED_RESPONSE for %s, never throwing', async (_title, event) => {
    host = install(runtime)
    const outcome = fromUserInfoEvent(event)
    await expect(outcome).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE', runtime })
  })
})

describe('fromUserInfoEvent elsewhere', () => {
  it.each(otherRuntimes)('rejects UNSUPPORTED on %s, whose consent control carries no profile', async (runtime) => {
    host = install(runtime)
    const error = await fromUserInfoEvent({ detail: { userInfo: { nickName: 'Ana' } } }).catch((caught: unknown) => caught)
    expect(errorFields(error)).toMatchObject({ code: 'UNSUPPORTED', runtime })
    expect((error as Error).message).toContain('call getUserProfile() from it')
  })

  it('reads the event as the runtime option says, and rejects UNSUPPORTED on an unknown host', async () => {
    const detail = { errMsg: 'getUserInfo:ok', userInfo: { nickName: 'Ana', avatarUrl: '', gender: 1 } }
    await expect(fromUserInfoEvent({ detail }, { runtime: buttonRuntimes[0] })).resolves.toMatchObject({ nickName: 'Ana', gender: 'M' })
    await expect(fromUserInfoEvent({ detail })).rejects.toMatchObject({ code: 'UNSUPPORTED', runtime: null })
  })

  it('never throws on a hostile event', async () => {
    const hostile = new Proxy({}, { get() { throw new Error('hostile') }, getPrototypeOf() { throw new Error('hostile') } })
    const outcome = fromUserInfoEvent(hostile, { runtime: buttonRuntimes[0] })
    await expect(outcome).rejects.toMatchObject({ name: 'UserProfileError' })
  })
})

it('isPlaceholderProfile never throws on a hostile object (found in review)', () => {
  const hostile = new Proxy({}, { getOwnPropertyDescriptor() { throw new Error('x') }, get() { throw new Error('x') } })
  expect(() => isPlaceholderProfile(hostile as never)).not.toThrow()
  expect(isPlaceholderProfile(hostile as never)).toBe(true) // no readable name or avatar: nothing to store
})
