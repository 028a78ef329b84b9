// Pins the ks simulator to Kuaishou's documented rules (platforms.md §8), with the specs every button host shares.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createKs, kuaishouAuthDeny, kuaishouProfile, kuaishouProfileWithCredentials } from '../../testing/ks'
import { hostName } from '../../testing/index'
import { answersTo, describeAnswering, describeButtonHosts, ok, pair, type ButtonScenario } from './host-specs'

afterEach(() => {
  vi.useRealTimers()
})

describe('ks simulator', () => {
  it('names kuaishou as users know it (the playground label)', () => {
    expect(hostName('kuaishou')).toBe('Kuaishou')
  })

  describeAnswering([['ks.getUserInfo', (k) => createKs({ ...k, authorized: true }).ks.getUserInfo]])
})

describeButtonHosts([
  {
    name: 'ks',
    create: (s: ButtonScenario) => pair(createKs(s), (h) => h.ks.getUserInfo),
    profile: kuaishouProfile,
    // The button asks for the credentials (WeChat convention), hence the AuthorizedUserInfoResult (§8).
    buttonProfile: kuaishouProfileWithCredentials,
    denied: kuaishouAuthDeny,
  },
])

describe('ks simulator details', () => {
  it('adds the credentials to ks.getUserInfo only with withCredentials', async () => {
    const sim = createKs({ authorized: true })
    expect((await answersTo(sim.ks.getUserInfo))[0]).toEqual(['success', ok(kuaishouProfile)])
    const events = await answersTo(sim.ks.getUserInfo, { withCredentials: true })
    expect(events[0]).toEqual(['success', ok(kuaishouProfileWithCredentials)])
  })
})
