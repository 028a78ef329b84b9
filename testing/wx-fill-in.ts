// WeChat's fill-in components as the host runs them (「头像昵称填写能力」, base library 2.21.2; platforms.md §17.1):
// `<button open-type="chooseAvatar">` hands `bindchooseavatar` a temporary local file (`wxfile://tmp_…` on devices ⚠️,
// `http://tmp/…` in the devtools); `<input type="nickname">` fires input / blur with `detail.value`, the keyboard may
// offer the WeChat nickname, and `bindnicknamereview` reports the content check `{ pass, timeout }`; a refused
// nickname is cleared on blur. Chooser failures are community errMsg strings (⚠️): cancel, another chooser in progress.
// The events are what the page's handlers receive; the page (or test) passes them on, as the host would.
import type { UserChoice } from './bridge.js'

export type NicknameReview = 'pass' | 'fail' | 'timeout'

export interface FillInScenario {
  /** The content review's verdict on a nickname. Default 'pass'. */
  review?: NicknameReview
  /** The devtools' `http://tmp/…` paths instead of a device's `wxfile://tmp_…`. Default false. */
  devtools?: boolean
  /** The WeChat nickname the keyboard offers (`pickSuggestedNickname`). */
  suggestedNickname?: string
}

export interface FillInEvent {
  readonly type: 'chooseavatar' | 'input' | 'blur' | 'nicknamereview'
  readonly detail: Readonly<Record<string, unknown>>
}

export interface AvatarChooser {
  /** The user picks a photo (allow) or closes the chooser (deny). */
  close(choice?: UserChoice): FillInEvent
}

export interface WxFillIn {
  /** The user taps the chooseAvatar button and picks a photo, or cancels: the `chooseavatar` event. */
  chooseAvatar(choice?: UserChoice): FillInEvent
  /** Opens the chooser and leaves it open: a second tap meanwhile fails "another chooseAvatar is in progress". */
  openAvatarChooser(): AvatarChooser
  /** The content of a temporary file the chooser handed out (what `wx.uploadFile` would send); undefined otherwise. */
  readFile(path: string): string | undefined
  /** The user types `value`, one input event per character, then leaves the field: inputs, blur, review. */
  typeNickname(value: string): FillInEvent[]
  /** The user picks the keyboard's WeChat nickname: one input with the whole value, then blur and review. */
  pickSuggestedNickname(): FillInEvent[]
  /** The user leaves the field holding `value`: the blur (cleared when the review refuses it) and the review. */
  leaveNickname(value: string): FillInEvent[]
}

// The photo a chooser hands out: a tiny SVG, so an upload has bytes to send.
const PHOTO = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#2f7d4f"/></svg>'

const event = (type: FillInEvent['type'], detail: Record<string, unknown>): FillInEvent => ({ type, detail })

export function createFillIn(scenario: FillInScenario = {}): WxFillIn {
  const files = new Map<string, string>()
  let chooserOpen = false
  let count = 0

  function pick(choice: UserChoice): FillInEvent {
    chooserOpen = false
    if (choice === 'deny') return event('chooseavatar', { errMsg: 'chooseAvatar:fail cancel' })
    count += 1
    const path = scenario.devtools ? `http://tmp/avatar${count}.svg` : `wxfile://tmp_avatar${count}.svg`
    files.set(path, PHOTO)
    return event('chooseavatar', { avatarUrl: path })
  }

  function leaveNickname(value: string): FillInEvent[] {
    const review = scenario.review ?? 'pass'
    return [
      event('blur', { value: review === 'fail' ? '' : value }), // "a nickname that fails is cleared on blur" (§17.1)
      event('nicknamereview', { pass: review === 'pass', timeout: review === 'timeout' }),
    ]
  }

  return {
    chooseAvatar(choice = 'allow') {
      if (chooserOpen) return event('chooseavatar', { errMsg: 'chooseAvatar:fail another chooseAvatar is in progress' })
      return pick(choice)
    },
    openAvatarChooser() {
      chooserOpen = true
      return { close: (choice = 'allow') => pick(choice) }
    },
    readFile: (path) => files.get(path),
    typeNickname(value) {
      const inputs = Array.from(value, (_, index) => event('input', { value: Array.from(value).slice(0, index + 1).join(''), cursor: index + 1 }))
      return [...inputs, ...leaveNickname(value)]
    },
    pickSuggestedNickname() {
      const value = scenario.suggestedNickname ?? 'XXX'
      return [event('input', { value, cursor: value.length }), ...leaveNickname(value)]
    },
    leaveNickname,
  }
}
