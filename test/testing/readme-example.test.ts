// page.test.ts (vitest)
import { afterEach, expect, it } from 'vitest'
import { fromAuthorizeError, getUserProfile } from 'mini-user-profile'
import { install, type SimulatedHost } from 'mini-user-profile/testing'

let host: SimulatedHost
afterEach(() => host.restore()) // the globals object is left exactly as it was

it('shows the profile after the user taps', async () => {
  host = install('wechat', { scenario: 'grant', profile: { nickName: 'Ana', gender: 2 } })
  const info = await host.tap(() => getUserProfile({ desc: 'Show your avatar' })) // inside the tap, as WeChat needs
  expect(info).toMatchObject({ nickName: 'Ana', gender: 'F' })
  expect(host.calls.filter((call) => call.api === 'getUserProfile')).toHaveLength(1)
})

it('handles a refusal at the Alipay authorize button', async () => {
  host = install('alipay', { scenario: 'deny' })
  const event = host.authorize() // the user presses <button open-type="getAuthorize"> and refuses
  expect(fromAuthorizeError(event).code).toBe('USER_DENIED')
})
