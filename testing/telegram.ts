// Simulates `window.Telegram.WebApp` of a Telegram Mini App as far as the user is concerned, following the documented
// host (core.telegram.org/bots/webapps; platforms.md §17.4), never our implementation (style.md §5). The user comes
// with the launch: `initData` (the signed query string) and `initDataUnsafe.user` (its parsed user). There is no
// consent step and no API call; a launch from an inline button carries no user; outside Telegram `initData` is ''.
import { frozen, type HostAnswer, type HostAnswers, type NativeCall } from './bridge.js'
import type { HostDescription, SimulatedRuntime } from './description.js'

// A WebAppUser as the docs list its fields (placeholder values): `language_code` is a language, not a country.
export const telegramUser = frozen({
  id: 111111111,
  first_name: 'XXX',
  last_name: 'YYY',
  username: 'xxx_yyy',
  language_code: 'en',
  photo_url: 'https://t.me/i/userpic/320/XXXXXXXX.jpg',
})

export interface TelegramScenario {
  /** `initDataUnsafe.user`; `null` for a launch without a user (an inline button). Default `telegramUser`. */
  user?: unknown
  /** Opened outside Telegram: the script is there, `initData` is '' and `initDataUnsafe` is `{}`. */
  outsideTelegram?: boolean
  /** 'throw': reading `initDataUnsafe` throws (a broken host); the others change nothing, as no call is made. */
  answers?: HostAnswers
}

export interface TelegramSimulator {
  /** Install with `vi.stubGlobal('Telegram', sim.Telegram)`. */
  Telegram: { WebApp: Record<string, unknown> }
  /** Always empty: the profile is read from launch data, not asked for. */
  readonly calls: NativeCall[]
  readonly answers: HostAnswer[]
}

/** The `initData` query string of a launch: its fields URL-encoded, the user as JSON, a (fake) hash last. */
function initDataOf(user: unknown): string {
  const fields = [['query_id', 'AAHdF6IQAAAAAN0XohDhrOrc'], ...(user === null ? [] : [['user', JSON.stringify(user)]]), ['auth_date', '1733300000']]
  return fields.map(([key, value]) => `${key}=${encodeURIComponent(value!)}`).join('&') + '&hash=' + '0'.repeat(64)
}

export function createTelegram(scenario: TelegramScenario = {}): TelegramSimulator {
  const user = scenario.user === undefined ? telegramUser : scenario.user
  const outside = scenario.outsideTelegram === true
  const initDataUnsafe = outside ? {} : user === null ? { auth_date: 1733300000, hash: '0'.repeat(64) } : { user, auth_date: 1733300000, hash: '0'.repeat(64) }
  const WebApp: Record<string, unknown> = {
    initData: outside ? '' : initDataOf(user),
    version: '8.0',
    platform: outside ? 'unknown' : 'tdesktop',
    ready() {},
    expand() {},
  }
  Object.defineProperty(WebApp, 'initDataUnsafe', {
    enumerable: true,
    get() {
      if (scenario.answers === 'throw') throw new Error('simulated bridge failure')
      return JSON.parse(JSON.stringify(initDataUnsafe)) // a fresh object each read, so no caller can edit the launch data
    },
  })
  return { Telegram: { WebApp }, calls: [], answers: [] }
}

export const hosts = {
  telegram: {
    name: 'Telegram',
    olderBaseLibrary: false,
    // No consent step, no call to wait for: deny, slow and never play as grant; authorization-required is a launch
    // without a user; malformed an unparsed user.
    build(setting) {
      const { scenario, profile } = setting
      const user =
        scenario === 'authorization-required'
          ? null
          : scenario === 'malformed'
            ? 'unparsed'
            : profile
              ? Object.assign({}, telegramUser, { first_name: profile.nickName ?? telegramUser.first_name, last_name: undefined, photo_url: profile.avatar ?? telegramUser.photo_url })
              : telegramUser
      const sim = createTelegram({ user, answers: setting.answers })
      return { globals: { Telegram: sim.Telegram }, bridge: sim, requestApi: null }
    },
  },
} satisfies Partial<Record<SimulatedRuntime, HostDescription>>
