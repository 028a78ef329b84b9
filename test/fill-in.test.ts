// createProfileForm: WeChat's fill-in (「头像昵称填写能力」, platforms.md §17.1). The events are the documented shapes:
// chooseavatar `detail.avatarUrl` (a temporary file), the nickname input's `detail.value`, nicknamereview
// `detail { pass, timeout }`; Taro and uni-app keep `detail` on their own event objects.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createProfileForm, ERROR_CODES, getAuthorizeButton, isPlaceholderProfile, type ProfileForm } from '../src/index'
import { install, type FillInEvent, type SimulatedHost } from '../testing/index'
import { createFillIn } from '../testing/wx-fill-in'
import { errorFields, SIX_KEYS } from './adapters/helpers'

const DEVICE_FILE = 'wxfile://tmp_a1b2c3.jpg' // devices ⚠️
const DEVTOOLS_FILE = 'http://tmp/a1b2c3.png' // the devtools
const UPLOADED = 'https://cdn.example.test/avatars/a1b2c3.png'

const native = (detail: object) => ({ type: 'chooseavatar', timeStamp: 1, target: {}, currentTarget: {}, detail })
const wrappers: ReadonlyArray<readonly [string, (detail: object) => unknown]> = [
  ['native events', native],
  ['Taro events', (detail) => ({ type: 'input', detail, target: {}, currentTarget: {}, stopPropagation() {} })],
  ['uni-app events', (detail) => ({ type: 'input', detail, mp: native(detail) })],
]

let host: SimulatedHost | undefined
afterEach(() => {
  host?.restore()
  host = undefined
})

describe('getAuthorizeButton', () => {
  it('tells a WeChat page to wire the fill-in components, and keeps the tap for getUserProfile', () => {
    expect(getAuthorizeButton('wechat')).toEqual({
      event: 'tap',
      fillIn: {
        avatar: { openType: 'chooseAvatar', event: 'chooseavatar' },
        nickname: { type: 'nickname', events: ['input', 'change', 'blur'], reviewEvent: 'nicknamereview' },
      },
    })
    // a fresh object per call, so one caller's change reaches no other
    expect(getAuthorizeButton('wechat')?.fillIn).not.toBe(getAuthorizeButton('wechat')?.fillIn)
  })

  it.each(['alipay', 'douyin', 'qq', 'baidu', 'taobao', 'browser'] as const)('names no fill-in on %s, which documents none', (runtime) => {
    expect(getAuthorizeButton(runtime)).not.toHaveProperty('fillIn')
  })
})

describe.each(wrappers)('createProfileForm with %s', (_shape, wrap) => {
  it.each([DEVICE_FILE, DEVTOOLS_FILE])('uploads the chosen %s through the app\'s upload and gives its URL in the six keys', async (file) => {
    host = install('wechat')
    const upload = vi.fn(async () => UPLOADED)
    const form = createProfileForm({ upload })
    expect(form.chooseAvatar(wrap({ avatarUrl: file }))).toBeNull()
    expect(form.nickname(wrap({ value: ' Ana ' }))).toBeNull()
    expect(form.nicknameReview(wrap({ pass: true, timeout: false }))).toBeNull()
    expect(form.state).toEqual({ avatarChosen: true, nickName: 'Ana', nicknameRejected: false })
    expect(upload).not.toHaveBeenCalled() // nothing leaves before submit
    const info = await form.submit()
    expect(upload).toHaveBeenCalledWith(file)
    expect(Object.keys(info).sort()).toEqual(SIX_KEYS)
    expect(info).toEqual({ code: '10000', msg: 'Success', avatar: UPLOADED, gender: '', nationality: '', nickName: 'Ana' })
    expect(isPlaceholderProfile(info)).toBe(false)
  })

  it('takes the last value of input, change and blur', async () => {
    const form = createProfileForm()
    form.nickname(wrap({ value: 'A' }))
    form.nickname(wrap({ value: 'An' }))
    form.nickname(wrap({ value: 'Ana', cursor: 3 }))
    await expect(form.submit()).resolves.toMatchObject({ nickName: 'Ana', avatar: '' })
  })
})

describe('createProfileForm: never a temporary file as the avatar', () => {
  it.each([
    ['the temporary path itself', DEVICE_FILE],
    ['the devtools path itself', DEVTOOLS_FILE],
    ['a USER_DATA_PATH file', 'http://usr/avatar.png'],
    ['not a URL', 'avatar.png'],
    ['a non-string', 42],
    ['an over-long URL', `https://cdn.example.test/${'a'.repeat(2100)}`],
  ])('rejects AVATAR_UPLOAD_FAILED when upload resolves %s, and keeps the choice for a retry', async (_title, returned) => {
    const upload = vi.fn().mockResolvedValueOnce(returned).mockResolvedValueOnce(UPLOADED)
    const form = createProfileForm({ upload })
    form.chooseAvatar(native({ avatarUrl: DEVICE_FILE }))
    const error = await form.submit().catch((caught: unknown) => caught)
    expect(errorFields(error).code).toBe('AVATAR_UPLOAD_FAILED')
    expect((error as Error).message).toContain('upload must resolve the http(s) URL')
    await expect(form.submit()).resolves.toMatchObject({ avatar: UPLOADED })
    expect(upload).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['rejects', (): Promise<string> => Promise.reject(new Error('network'))],
    ['throws', (): Promise<string> => { throw new Error('sync') }],
  ])('rejects AVATAR_UPLOAD_FAILED when upload %s, then uploads again on the next submit', async (_title, failing) => {
    const upload = vi.fn(failing).mockImplementationOnce(failing).mockImplementation(async () => UPLOADED)
    const form = createProfileForm({ upload })
    form.chooseAvatar(native({ avatarUrl: DEVICE_FILE }))
    await expect(form.submit()).rejects.toMatchObject({ code: 'AVATAR_UPLOAD_FAILED', name: 'UserProfileError' })
    await expect(form.submit()).resolves.toMatchObject({ avatar: UPLOADED })
  })

  it('uploads one chosen file once, however often the page submits, and a new choice again', async () => {
    const upload = vi.fn(async (path: string) => `${UPLOADED}?from=${path.length}`)
    const form = createProfileForm({ upload })
    form.chooseAvatar(native({ avatarUrl: DEVICE_FILE }))
    await form.submit()
    await form.submit()
    expect(upload).toHaveBeenCalledTimes(1)
    form.chooseAvatar(native({ avatarUrl: DEVTOOLS_FILE }))
    await form.submit()
    expect(upload).toHaveBeenLastCalledWith(DEVTOOLS_FILE)
  })

  it('rejects INVALID_OPTIONS at submit when an avatar was chosen but no upload was given', async () => {
    const form = createProfileForm()
    form.chooseAvatar(native({ avatarUrl: DEVICE_FILE }))
    await expect(form.submit()).rejects.toMatchObject({ code: 'INVALID_OPTIONS' })
    expect(form.state.avatarChosen).toBe(true)
  })
})

describe('createProfileForm: one field fixed at a time', () => {
  it('never returns a nickname the review refused, and lifts the refusal once the user types another', async () => {
    host = install('wechat')
    const form = createProfileForm({ upload: async () => UPLOADED })
    form.chooseAvatar(native({ avatarUrl: DEVICE_FILE }))
    form.nickname(native({ value: 'Bad name' }))
    const refusal = form.nicknameReview(native({ pass: false, timeout: false }))
    expect(errorFields(refusal)).toMatchObject({ code: 'NICKNAME_REJECTED', runtime: 'wechat' })
    expect(form.state).toEqual({ avatarChosen: true, nickName: '', nicknameRejected: true })
    await expect(form.submit()).rejects.toMatchObject({ code: 'NICKNAME_REJECTED' })
    // WeChat clears a refused nickname on blur (§17.1): an empty value keeps the refusal, so does the same name
    form.nickname(native({ value: '' }))
    form.nickname(native({ value: 'Bad name' }))
    await expect(form.submit()).rejects.toMatchObject({ code: 'NICKNAME_REJECTED' })
    form.nickname(native({ value: 'Ana' }))
    await expect(form.submit()).resolves.toMatchObject({ nickName: 'Ana', avatar: UPLOADED }) // the avatar was kept
  })

  it('treats a review that timed out as no refusal (⚠️ §17.1), and a later pass as lifting one', async () => {
    const form = createProfileForm()
    form.nickname(native({ value: 'Ana' }))
    expect(form.nicknameReview(native({ pass: false, timeout: true }))).toBeNull()
    await expect(form.submit()).resolves.toMatchObject({ nickName: 'Ana' })
    form.nicknameReview(native({ pass: false, timeout: false }))
    expect(form.nicknameReview(native({ pass: true, timeout: false }))).toBeNull()
    await expect(form.submit()).resolves.toMatchObject({ nickName: 'Ana' })
  })

  it.each([
    ['chooseAvatar:fail cancel', 'USER_DENIED'],
    ['chooseAvatar:fail another chooseAvatar is in progress', 'NATIVE_ERROR'],
    ['chooseAvatar:fail timeout', 'TIMEOUT'],
  ])('keeps the avatar chosen before when the chooser reports %s (%s)', async (errMsg, code) => {
    const form = createProfileForm({ upload: async () => UPLOADED })
    form.chooseAvatar(native({ avatarUrl: DEVICE_FILE }))
    const error = form.chooseAvatar(native({ errMsg }))
    expect(errorFields(error)).toMatchObject({ code, nativeMessage: errMsg })
    await expect(form.submit()).resolves.toMatchObject({ avatar: UPLOADED })
  })

  it('reports the placeholder it is when nothing was filled in', async () => {
    const info = await createProfileForm().submit()
    expect(info).toEqual({ code: '10000', msg: 'Success', avatar: '', gender: '', nationality: '', nickName: '' })
    expect(isPlaceholderProfile(info)).toBe(true)
  })

  it.each([
    ['no event', undefined],
    ['a string', 'x'],
    ['an event without the field', native({})],
    ['a hostile event', new Proxy({}, { get() { throw new Error('hostile') } })],
  ])('rejects %s with MALFORMED_RESPONSE, never throwing, and keeps what it had', async (_title, event) => {
    const form = createProfileForm()
    form.nickname(native({ value: 'Ana' }))
    for (const read of [form.chooseAvatar, form.nickname]) expect(errorFields(read(event)).code).toBe('MALFORMED_RESPONSE')
    expect(() => form.nicknameReview(event)).not.toThrow()
    await expect(form.submit()).resolves.toMatchObject({ nickName: 'Ana' })
  })

  it('has stable public codes for its errors', () => {
    expect(ERROR_CODES).toEqual(expect.arrayContaining(['NICKNAME_REJECTED', 'AVATAR_UPLOAD_FAILED']))
  })
})

// The kit's fill-in host (testing/wx-fill-in.ts), pinned to §17.1, and the form driven by its events.
describe('the kit: WeChat fill-in components (§17.1)', () => {
  it('hands out a temporary file per pick, wxfile://tmp_ on devices and http://tmp/ in the devtools, with its bytes', () => {
    const device = createFillIn()
    const first = device.chooseAvatar()
    const second = device.chooseAvatar('allow')
    expect(first.detail.avatarUrl).toMatch(/^wxfile:\/\/tmp_/)
    expect(second.detail.avatarUrl).not.toBe(first.detail.avatarUrl)
    expect(device.readFile(String(first.detail.avatarUrl))).toContain('<svg')
    expect(device.readFile('wxfile://tmp_unknown.svg')).toBeUndefined()
    expect(createFillIn({ devtools: true }).chooseAvatar().detail.avatarUrl).toMatch(/^http:\/\/tmp\//)
  })

  it('reports a cancelled chooser, and a second chooser while one is open', () => {
    const fillIn = createFillIn()
    expect(fillIn.chooseAvatar('deny')).toEqual({ type: 'chooseavatar', detail: { errMsg: 'chooseAvatar:fail cancel' } })
    const open = fillIn.openAvatarChooser()
    expect(fillIn.chooseAvatar().detail).toEqual({ errMsg: 'chooseAvatar:fail another chooseAvatar is in progress' })
    expect(open.close().detail.avatarUrl).toMatch(/^wxfile:\/\/tmp_/)
    expect(fillIn.chooseAvatar().detail.avatarUrl).toMatch(/^wxfile:\/\/tmp_/) // closed: a new tap works again
  })

  it.each([
    ['pass', 'Ana', { pass: true, timeout: false }],
    ['timeout', 'Ana', { pass: false, timeout: true }],
    ['fail', '', { pass: false, timeout: false }],
  ] as const)('types a nickname character by character, then blur and the review (%s)', (review, blurred, verdict) => {
    const events = createFillIn({ review }).typeNickname('Ana')
    expect(events).toEqual([
      { type: 'input', detail: { value: 'A', cursor: 1 } },
      { type: 'input', detail: { value: 'An', cursor: 2 } },
      { type: 'input', detail: { value: 'Ana', cursor: 3 } },
      { type: 'blur', detail: { value: blurred } },
      { type: 'nicknamereview', detail: verdict },
    ])
  })

  it("offers the user's WeChat nickname from the keyboard", () => {
    expect(createFillIn({ suggestedNickname: '小明' }).pickSuggestedNickname()[0]).toEqual({ type: 'input', detail: { value: '小明', cursor: 2 } })
  })
})

describe('createProfileForm against the kit', () => {
  const feed = (form: ProfileForm, events: readonly FillInEvent[]) => {
    for (const event of events) (event.type === 'nicknamereview' ? form.nicknameReview : form.nickname)(event)
  }

  it('gives the profile the user filled in, the avatar uploaded from the chosen file', async () => {
    host = install('wechat', { profile: { nickName: '小明' } })
    const fillIn = host.fillIn!
    const uploads: string[] = []
    const form = createProfileForm({
      upload: (path) => {
        uploads.push(fillIn.readFile(path) ?? 'missing')
        return `https://cdn.example.test/${uploads.length}.svg`
      },
    })
    expect(form.chooseAvatar(fillIn.chooseAvatar('deny'))?.code).toBe('USER_DENIED')
    expect(form.chooseAvatar(fillIn.chooseAvatar())).toBeNull()
    feed(form, fillIn.pickSuggestedNickname())
    await expect(form.submit()).resolves.toEqual({ code: '10000', msg: 'Success', avatar: 'https://cdn.example.test/1.svg', gender: '', nationality: '', nickName: '小明' })
    expect(uploads[0]).toContain('<svg')
    expect(host.calls.filter((call) => call.api === 'getUserProfile')).toHaveLength(0) // the fill-in makes no profile call
  })

  it('never returns the nickname the review refused (nickname-rejected), and keeps the avatar', async () => {
    host = install('wechat', { scenario: 'nickname-rejected' })
    const fillIn = host.fillIn!
    const form = createProfileForm({ upload: async () => UPLOADED })
    form.chooseAvatar(fillIn.chooseAvatar())
    feed(form, fillIn.typeNickname('Bad name'))
    expect(form.state).toEqual({ avatarChosen: true, nickName: '', nicknameRejected: true })
    await expect(form.submit()).rejects.toMatchObject({ code: 'NICKNAME_REJECTED', runtime: 'wechat' })
    // the host cleared the field on blur before its review came: the refused name is still the one refused
    form.nickname({ type: 'input', detail: { value: 'Bad name' } })
    await expect(form.submit()).rejects.toMatchObject({ code: 'NICKNAME_REJECTED' })
    form.nickname({ type: 'input', detail: { value: 'Ana' } })
    await expect(form.submit()).resolves.toMatchObject({ nickName: 'Ana', avatar: UPLOADED })
  })

  it('names the runtime of the host at the time of the error, for a form built before the host was ready', () => {
    const form = createProfileForm()
    host = install('wechat')
    form.nickname(native({ value: 'Bad name' }))
    expect(errorFields(form.nicknameReview(native({ pass: false, timeout: false }))).runtime).toBe('wechat')
  })

  it('is only on WeChat', () => {
    host = install('douyin')
    expect(host.fillIn).toBeUndefined()
  })
})

// Found in review: WeChat reviews a nickname asynchronously after blur (§17.1), so a Save can come before the verdict.
describe('createProfileForm: a verdict that comes after Save', () => {
  it('rejects NICKNAME_REJECTED when the refusal arrives after submit, with no avatar', async () => {
    const form = createProfileForm()
    form.nickname(native({ value: 'bad' }))
    const saved = form.submit()
    setTimeout(() => form.nicknameReview(native({ pass: false, timeout: false })), 10)
    await expect(saved).rejects.toMatchObject({ code: 'NICKNAME_REJECTED' })
  })

  it('rejects NICKNAME_REJECTED when the refusal arrives while the avatar uploads', async () => {
    let finish: (url: string) => void = () => undefined
    const form = createProfileForm({ upload: () => new Promise<string>((resolve) => { finish = resolve }) })
    form.chooseAvatar(native({ avatarUrl: DEVICE_FILE }))
    form.nickname(native({ value: 'bad' }))
    form.nicknameReview(native({ pass: true, timeout: false }))
    const saved = form.submit()
    form.nickname(native({ value: 'worse' }))
    form.nicknameReview(native({ pass: false, timeout: false }))
    finish(UPLOADED)
    await expect(saved).rejects.toMatchObject({ code: 'NICKNAME_REJECTED' })
  })

  it('waits reviewTimeout for a verdict that never comes, then refuses nothing', async () => {
    vi.useFakeTimers()
    try {
      const form = createProfileForm({ reviewTimeout: 500 })
      form.nickname(native({ value: 'Ana' }))
      let settled = false
      const saved = form.submit().then((info) => { settled = true; return info })
      await vi.advanceTimersByTimeAsync(499)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      await expect(saved).resolves.toMatchObject({ nickName: 'Ana' })
      // reviewed names, and reviewTimeout 0, do not wait
      form.nicknameReview(native({ pass: true, timeout: false }))
      await expect(form.submit()).resolves.toMatchObject({ nickName: 'Ana' })
      const eager = createProfileForm({ reviewTimeout: 0 })
      eager.nickname(native({ value: 'Bo' }))
      await expect(eager.submit()).resolves.toMatchObject({ nickName: 'Bo' })
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('createProfileForm: uploads, found in review', () => {
  it('uploads a newer file once even when an older upload fails after it was replaced', async () => {
    const pending: Array<{ path: string; reject(): void; resolve(url: string): void }> = []
    const upload = vi.fn((path: string) => new Promise<string>((resolve, reject) => pending.push({ path, resolve, reject: () => reject(new Error('x')) })))
    const form = createProfileForm({ upload, reviewTimeout: 0 })
    form.chooseAvatar(native({ avatarUrl: 'wxfile://tmp_a.jpg' }))
    const first = form.submit().catch((error: unknown) => error)
    form.chooseAvatar(native({ avatarUrl: 'wxfile://tmp_b.jpg' }))
    const second = form.submit()
    pending[0]?.reject()
    await first
    const third = form.submit()
    pending[1]?.resolve(UPLOADED)
    await expect(second).resolves.toMatchObject({ avatar: UPLOADED })
    await expect(third).resolves.toMatchObject({ avatar: UPLOADED })
    expect(upload.mock.calls.map(([path]) => path)).toEqual(['wxfile://tmp_a.jpg', 'wxfile://tmp_b.jpg'])
  })

  it.each([
    ['the chosen path itself, on a local http server', 'http://127.0.0.1:9974/__tmp__/a.png', 'http://127.0.0.1:9974/__tmp__/a.png'],
    ['a tmp host with a trailing dot', DEVICE_FILE, 'http://tmp./a.png'],
    ['a tmp host with a port', DEVICE_FILE, 'http://tmp:80/a.png'],
  ])('refuses an upload that resolves %s', async (_title, chosen, returned) => {
    const form = createProfileForm({ upload: async () => returned, reviewTimeout: 0 })
    form.chooseAvatar(native({ avatarUrl: chosen }))
    await expect(form.submit()).rejects.toMatchObject({ code: 'AVATAR_UPLOAD_FAILED' })
  })
})
