// Simulates `window.vkBridge` of a VK Mini App as far as the user is concerned, following the @vkontakte/vk-bridge
// 3.0.2 typings (types/data.d.ts, types/bridge.d.ts; read with `npm pack`), never our implementation (style.md §5):
// `send(method)` returns a promise, VKWebAppGetUserInfo's UserInfo has `sex` 1 female / 2 male and `photo_200` (VK's
// camera picture when the user has none), a failure is `{ error_type, error_data }`, and inside a VK client the page is
// embedded (`isEmbedded()`). ⚠️ client_error 4 "User denied" is not in the typings (commonly quoted docs).
import { frozen, type HostAnswer, type HostAnswers, type NativeCall } from './bridge.js'
import type { HostDescription, SimulatedRuntime } from './description.js'

// A UserInfo with the typings' fields (placeholder values).
export const vkUser = frozen({
  id: 1,
  first_name: 'XXX',
  last_name: 'YYY',
  sex: 1,
  city: { id: 1, title: 'XXX' },
  country: { id: 1, title: 'Россия' },
  bdate_visibility: 0,
  can_access_closed: true,
  is_closed: false,
  photo_100: 'https://sun1-1.userapi.com/XXXXXXXX_100.jpg',
  photo_200: 'https://sun1-1.userapi.com/XXXXXXXX_200.jpg',
})
/** The launch parameters the app's URL carries, as VKWebAppGetLaunchParams gives them (placeholder `sign`). */
export const vkLaunchParams = frozen({
  vk_user_id: 1,
  vk_app_id: 51000000,
  vk_is_app_user: 1,
  vk_are_notifications_enabled: 0,
  vk_language: 'ru',
  vk_ref: 'other',
  vk_access_token_settings: '',
  vk_platform: 'desktop_web',
  vk_is_favorite: 0,
  vk_ts: 1733300000,
  sign: 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
})
export const vkUserDenied = frozen({ error_type: 'client_error', error_data: { error_code: 4, error_reason: 'User denied' } })
export const vkAuthError = frozen({ error_type: 'auth_error', error_data: { error_code: 5, error_reason: 'User authorization failed' } })

export interface VkScenario {
  /** VKWebAppGetUserInfo's answer; default `vkUser`. */
  user?: object
  /** VKWebAppGetUserInfo fails with this instead. */
  failWith?: object
  /** Default true: inside a VK client. */
  embedded?: boolean
  latencyMs?: number
  /** 'never': no answer; 'throw': send throws; a promise settles once, so 'twice' is 'once'. */
  answers?: HostAnswers
}

export interface VkSimulator {
  /** Install with `vi.stubGlobal('vkBridge', sim.vkBridge)`. */
  vkBridge: Record<string, unknown>
  readonly calls: NativeCall[]
  readonly answers: HostAnswer[]
}

export function createVk(scenario: VkScenario = {}): VkSimulator {
  const calls: NativeCall[] = []
  const answers: HostAnswer[] = []
  const embedded = scenario.embedded ?? true
  const replies: Record<string, () => readonly ['success' | 'fail', object]> = {
    VKWebAppInit: () => ['success', { result: true }],
    VKWebAppGetUserInfo: () => (scenario.failWith ? ['fail', scenario.failWith] : ['success', scenario.user ?? vkUser]),
    VKWebAppGetLaunchParams: () => ['success', vkLaunchParams],
  }
  const vkBridge: Record<string, unknown> = {
    send(method: string, params?: unknown) {
      calls.push({ api: method, options: params })
      if (scenario.answers === 'throw') throw new Error('simulated bridge failure')
      return new Promise((resolve, reject) => {
        const reply = replies[method]
        if (scenario.answers === 'never' || !reply) return
        setTimeout(() => {
          const [callback, payload] = reply()
          const copy = JSON.parse(JSON.stringify(payload))
          answers.push({ api: method, callback, payload: copy })
          if (callback === 'success') resolve(copy)
          else reject(copy)
        }, scenario.latencyMs ?? 0)
      })
    },
    isWebView: () => false,
    isIframe: () => embedded,
    isEmbedded: () => embedded,
    isStandalone: () => !embedded,
  }
  return { vkBridge, calls, answers }
}

export const hosts = {
  vk: {
    name: 'VK',
    olderBaseLibrary: false,
    // No consent popup for the basic profile: deny is a refusal the client reports (client_error 4, ⚠️), and
    // authorization-required the bridge's auth_error (VKWebAppInit not sent); insufficient-permissions has no answer.
    build(setting) {
      const { scenario, profile } = setting
      const user = scenario === 'malformed' ? { id: 1 } : profile ? Object.assign({}, vkUser, { first_name: profile.nickName ?? vkUser.first_name, last_name: '', photo_200: profile.avatar ?? vkUser.photo_200, sex: profile.gender ?? vkUser.sex, country: { id: 1, title: profile.country ?? vkUser.country.title } }) : undefined
      const sim = createVk({
        user,
        failWith: scenario === 'deny' ? vkUserDenied : scenario === 'authorization-required' ? vkAuthError : scenario === 'insufficient-permissions' ? { error_type: 'api_error', error_data: { error_code: 15, error_msg: 'Access denied', request_params: [] } } : undefined,
        latencyMs: setting.latencyMs,
        answers: setting.answers,
      })
      return { globals: { vkBridge: sim.vkBridge }, bridge: sim, requestApi: 'VKWebAppGetUserInfo' }
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
