// Pins the simulators of the other hosts to their documented rules (platforms.md §4–§11), so a facade test that
// passes against them passes for the documented reason. The specs every simulator shares are in host-specs.ts;
// a host with a test file of its own (ks.test.ts) runs them there.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTt, douyinAuthDeny, douyinNotLogin, douyinNotTap, douyinProfile, douyinProfileAuthDeny, douyinProfileNotLogin, feishuUserInfo, type TtScenario } from '../../testing/tt'
import { createQq, qqAuthDeny, qqProfile } from '../../testing/qq'
import { createJd, jdAuthDeny, jdProfile } from '../../testing/jd'
import { createXhs, xhsAuthDeny, xhsProfile } from '../../testing/xhs'
import { baiduAnonymous, baiduProfile, createSwan } from '../../testing/swan'
import { createTaobao, taobaoAuthorizeDenied, taobaoAuthorizeRefusedBefore, taobaoAuthUserInfo, taobaoNotAuthorized } from '../../testing/taobao'
import { alipayFailUnknown } from '../../testing/my'
import { createDd, dingtalkAuthCode, dingtalkCorpIdRequired } from '../../testing/dd'
import { hostName } from '../../testing/index'
import { answersTo, describeAnswering, describeButtonHosts, first, ok, pair, type ButtonScenario, type Call, type Knobs, type SucceedingCall } from './host-specs'

const userInfoScope = { scopes: 'scope.userInfo' }

afterEach(() => {
  vi.useRealTimers()
})

const tapped = (k: TtScenario): Call => {
  const sim = createTt(k)
  return (o) => sim.tap(() => sim.tt.getUserProfile?.(o))
}
const grantedTaobao = (k: Knobs): Call => {
  const sim = createTaobao(k)
  sim.my.authorize(userInfoScope)
  return sim.my.getAuthUserInfo
}
/** One call per simulator that a well-behaved host answers with success. */
const succeedingCalls: readonly SucceedingCall[] = [
  ['tt.getUserProfile', tapped],
  ['tt.getUserInfo', (k) => createTt(k).tt.getUserInfo],
  ['qq.getUserInfo', (k) => createQq({ ...k, authorized: true }).qq.getUserInfo],
  ['jd.getUserInfo', (k) => createJd({ ...k, authorized: true }).jd.getUserInfo],
  ['xhs.getUserInfo', (k) => (o) => createXhs({ ...k, authorized: true, hasGetUserInfo: true }).xhs.getUserInfo?.(o)],
  ['swan.getUserInfo', (k) => createSwan(k).swan.getUserInfo],
  ['my.authorize on Taobao', (k) => (o) => createTaobao(k).my.authorize({ ...userInfoScope, ...o })],
  ['my.getAuthUserInfo on Taobao', grantedTaobao],
  ['dd.getAuthCode', (k) => (o) => createDd(k).dd.getAuthCode({ corpId: 'ding123', ...o })],
]

describe('every simulator', () => {
  it.each([
    ['douyin', 'Douyin'],
    ['feishu', 'Feishu'],
    ['qq', 'QQ'],
    ['baidu', 'Baidu'],
    ['jd', 'JD'],
    ['xiaohongshu', 'Xiaohongshu'],
    ['taobao', 'Taobao'],
    ['dingtalk', 'DingTalk'],
  ] as const)('names %s as users know it (the playground label)', (runtime, name) => {
    expect(hostName(runtime)).toBe(name)
  })

  describeAnswering(succeedingCalls)
})

describe('tt simulator (Douyin, Feishu)', () => {
  it('fails getUserProfile with the tap gesture errMsg outside a tap and after an await inside one', async () => {
    const sim = createTt()
    expect(await first((o) => sim.tt.getUserProfile?.(o))).toEqual(['fail', douyinNotTap])
    const late: Call = (o) => {
      void sim.tap(async () => {
        await Promise.resolve()
        sim.tt.getUserProfile?.(o)
      })
    }
    expect(await first(late)).toEqual(['fail', douyinNotTap])
  })

  it.each([
    ['grants the profile', {}, ['success', douyinProfile]],
    ['fails with auth deny when the user refuses', { choice: 'deny' }, ['fail', douyinProfileAuthDeny]],
    ['fails with not login when logged out', { loggedIn: false }, ['fail', douyinProfileNotLogin]],
  ] as const)('%s for getUserProfile inside a tap', async (_title, scenario, expected) => {
    expect(await first(tapped(scenario))).toEqual(expected)
  })

  it('logs the user in and then shows the consent popup when force is true', async () => {
    const sim = createTt({ loggedIn: false })
    const events = await answersTo((o) => sim.tap(() => sim.tt.getUserProfile?.(o)), { force: true })
    expect(events[0]).toEqual(['success', douyinProfile])
    expect(sim.loggedIn).toBe(true)
  })

  const { rawData, userInfo } = douyinProfile
  it.each([
    ['succeeds without a tap', {}, {}, ['success', ok({ rawData, userInfo })]],
    ['adds the credentials when asked', {}, { withCredentials: true }, ['success', ok(douyinProfile)]],
    ['fails with not login when logged out', { loggedIn: false }, {}, ['fail', douyinNotLogin]],
    ['fails with auth deny when the user refuses', { choice: 'deny' }, {}, ['fail', douyinAuthDeny]],
  ] as const)('%s for getUserInfo', async (_title, scenario, extra, expected) => {
    expect(await first(createTt(scenario).tt.getUserInfo, extra)).toEqual(expected)
  })

  it.each(['Feishu', 'Lark'])('reports %s, answers a minimal getUserInfo, has no getUserProfile', async (appName) => {
    const sim = createTt({ appName })
    expect(sim.tt.getSystemInfoSync()).toEqual({ appName })
    expect('getUserProfile' in sim.tt).toBe(false)
    expect('getUserProfile' in createTt({ appName, hasGetUserProfile: true }).tt).toBe(true)
    expect(await first(sim.tt.getUserInfo)).toEqual(['success', feishuUserInfo])
  })
})

const buttonHosts = [
  {
    name: 'qq',
    create: (s: ButtonScenario) => pair(createQq(s), (h) => h.qq.getUserInfo),
    profile: qqProfile,
    buttonProfile: qqProfile,
    denied: qqAuthDeny,
  },
  {
    name: 'jd',
    create: (s: ButtonScenario) => pair(createJd(s), (h) => h.jd.getUserInfo),
    profile: jdProfile,
    buttonProfile: jdProfile,
    denied: jdAuthDeny,
  },
  {
    name: 'xhs',
    create: (s: ButtonScenario) =>
      pair(createXhs({ ...s, hasGetUserInfo: true }), (h) => (o) => h.xhs.getUserInfo?.(o)),
    profile: xhsProfile,
    buttonProfile: xhsProfile,
    denied: xhsAuthDeny,
  },
]

describeButtonHosts(buttonHosts)

describe('button host details', () => {
  it('reports scope.userInfo through qq.getSetting only once the user was asked', async () => {
    const sim = createQq()
    expect((await first(sim.qq.getSetting))?.[1]).toMatchObject({ authSetting: {} })
    sim.pressUserInfoButton('deny')
    expect((await first(sim.qq.getSetting))?.[1]).toMatchObject({ authSetting: { 'scope.userInfo': false } })
  })

  it('leaves xhs.getUserInfo out by default while the button still carries userInfo', () => {
    const sim = createXhs()
    expect('getUserInfo' in sim.xhs).toBe(false)
    expect(sim.pressUserInfoButton().detail).toMatchObject({ userInfo: xhsProfile.userInfo })
  })
})

describe('swan simulator (Baidu)', () => {
  it('shows a popup on the first getUserInfo and succeeds with the real profile on grant', async () => {
    const sim = createSwan()
    expect(await answersTo(sim.swan.getUserInfo)).toEqual([
      ['success', baiduProfile],
      ['complete', baiduProfile],
    ])
    expect(sim.prompts).toBe(1)
  })

  it('succeeds with the anonymous 百度网友 profile on refusal and does not ask again', async () => {
    const sim = createSwan({ choice: 'deny' })
    expect(await first(sim.swan.getUserInfo)).toEqual(['success', baiduAnonymous])
    expect(await first(sim.swan.getUserInfo)).toEqual(['success', baiduAnonymous])
    expect(sim.prompts).toBe(1)
    expect(sim.pressUserInfoButton('allow').detail).toEqual(baiduProfile)
  })

  it('succeeds with the anonymous profile when no user is logged in, even after the button', async () => {
    const sim = createSwan({ loggedIn: false })
    expect(sim.pressUserInfoButton('allow').detail).toEqual(baiduAnonymous)
    expect(await first(sim.swan.getUserInfo)).toEqual(['success', baiduAnonymous])
    expect(sim.prompts).toBe(0)
  })
})

describe('taobao simulator (my on Taobao)', () => {
  it('shows one popup on authorize, then getAuthUserInfo answers nickName and avatar', async () => {
    const sim = createTaobao()
    expect(await first(sim.my.getAuthUserInfo)).toEqual(['fail', taobaoNotAuthorized])
    const ask: Call = (o) => sim.my.authorize({ ...o, ...userInfoScope })
    expect(await first(ask)).toEqual(['success', {}])
    expect(await first(ask)).toEqual(['success', {}])
    expect(sim.prompts).toBe(1)
    expect(await first(sim.my.getAuthUserInfo)).toEqual(['success', taobaoAuthUserInfo])
  })

  it('fails a refused scope again at once, without a second popup', async () => {
    const sim = createTaobao({ choice: 'deny' })
    const ask: Call = (o) => sim.my.authorize({ ...o, scopes: ['scope.userInfo'] })
    expect(await first(ask)).toEqual(['fail', taobaoAuthorizeDenied])
    expect(await first(ask)).toEqual(['fail', taobaoAuthorizeRefusedBefore])
    expect(sim.prompts).toBe(1)
    expect(await first(sim.my.getAuthUserInfo)).toEqual(['fail', taobaoNotAuthorized])
  })

  it('fails authorize without scope.userInfo and reports the app, with no getOpenUserInfo', async () => {
    const sim = createTaobao({ app: 'taobao' })
    expect(await first(sim.my.authorize)).toEqual(['fail', alipayFailUnknown])
    expect(sim.my.getSystemInfoSync()).toEqual({ app: 'taobao' })
    expect(createTaobao().my.getSystemInfoSync()).toEqual({ app: 'TB' })
    expect('getOpenUserInfo' in sim.my || sim.my.canIUse('getOpenUserInfo')).toBe(false)
  })
})

describe('dd simulator (DingTalk)', () => {
  it('answers getAuthCode with an authCode, and fails with corpId is required without a corpId', async () => {
    const sim = createDd()
    expect(await first(sim.dd.getAuthCode, { corpId: 'ding123' })).toEqual(['success', dingtalkAuthCode])
    expect(await first(sim.dd.getAuthCode)).toEqual(['fail', dingtalkCorpIdRequired])
  })

  it.each(['getOpenUserInfo', 'getAuthUserInfo', 'getUserInfo', 'getUserProfile'])('has no %s on dd or my', (api) => {
    const sim = createDd()
    expect(api in sim.dd || api in sim.my || sim.my.canIUse(api)).toBe(false)
  })

  it('reports DINGTALK from my.getSystemInfoSync and passes the saveFileToDingTalk probe', () => {
    const sim = createDd()
    expect(sim.my.getSystemInfoSync()).toEqual({ app: 'DINGTALK' })
    expect(sim.my.canIUse('saveFileToDingTalk')).toBe(true)
    expect(sim.calls.map((call) => call.api)).toEqual(['getSystemInfoSync', 'canIUse'])
  })
})
