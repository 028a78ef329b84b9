// @vitest-environment happy-dom
// WeChat's fill-in in a real custom component (./profile-form: `<button open-type="chooseAvatar">`,
// `<input type="nickname">`), loaded and rendered with miniprogram-simulate, wired to createProfileForm from the built
// dist/wechat.cjs. The kit's WeChat host hands out the component events (platforms.md §17.1); the events reach the
// component's handlers through the tool's own event system, as WeChat's framework delivers them.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as simulate from 'miniprogram-simulate'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { install, type FillInEvent, type Scenario } from '../../testing/index'
import { ensureBuilt } from '../build/dist'

const componentPath = join(dirname(fileURLToPath(import.meta.url)), 'profile-form', 'index')
// As in profile-card.test.ts: WeChat's wcc where miniprogram-compiler ships it, the tool's own compiler elsewhere.
const compiler = process.platform === 'linux' && process.arch !== 'x64' ? 'simulate' : 'official'
const UPLOADED = 'https://cdn.example.test/avatars/1.svg'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

interface Upload {
  url: string
  filePath: string
  bytes: string | undefined
}

/** Installs the WeChat host, gives it the app server's side of wx.uploadFile, then mounts the component. */
function mountProfileForm(scenario: Scenario = 'grant') {
  const host = install('wechat', { scenario, profile: { nickName: '小明' } })
  cleanups.push(() => host.restore())
  const fillIn = host.fillIn!
  const uploads: Upload[] = []
  // The one answer this test adds: the app's own server behind wx.uploadFile, which the profile kit does not simulate.
  Object.assign(Reflect.get(globalThis, 'wx') as object, {
    uploadFile(options: { url: string; filePath: string; success(res: { statusCode: number; data: string }): void }) {
      uploads.push({ url: options.url, filePath: options.filePath, bytes: fillIn.readFile(options.filePath) })
      setTimeout(() => options.success({ statusCode: 200, data: JSON.stringify({ url: UPLOADED }) }), 0)
    },
  })
  const id = simulate.load(componentPath, 'profile-form', { compiler })
  const form = simulate.render(id)
  form.attach(document.createElement('parent-wrapper'))
  cleanups.push(() => form.detach())
  const text = (selector: string) => form.querySelector(selector)?.dom?.textContent?.trim() ?? ''
  /** Delivers host events to the element that fires them, through the tool's event system. */
  const deliver = (selector: string, events: readonly FillInEvent[]) => {
    for (const event of events) form.querySelector(selector)?.dispatchEvent(event.type, { detail: event.detail })
  }
  return {
    host,
    fillIn,
    form,
    uploads,
    deliver,
    /** Waits for the component's answer to Save: a saved nickname, or an error shown after the press. */
    async settle(expectError = false) {
      await vi.waitFor(() => expect(expectError ? text('.error') : text('.saved-nickname')).not.toBe(''))
      return { avatar: text('.saved-avatar'), nickName: text('.saved-nickname'), errorCode: text('.error') }
    },
  }
}

beforeAll(() => {
  ensureBuilt()
  if (!existsSync('dist/wechat.cjs')) throw new Error('dist/wechat.cjs is missing: run `node build.mjs`')
})

describe('a WeChat fill-in component on createProfileForm from dist/wechat.cjs, under miniprogram-simulate', () => {
  it('renders the chooseAvatar button and the nickname input that getAuthorizeButton().fillIn names', () => {
    const { form } = mountProfileForm()
    expect(form.querySelector('.avatar')?.dom?.tagName).toBe('WX-BUTTON')
    expect(form.querySelector('.nickname')?.dom?.tagName).toBe('WX-INPUT')
    expect(form.querySelector('.error')).toBeUndefined()
    // j-component renders no open-type / type attribute: the template itself is what WeChat reads
    const wxml = readFileSync(`${componentPath}.wxml`, 'utf8')
    expect(wxml).toContain('open-type="chooseAvatar" bindchooseavatar=')
    expect(wxml).toMatch(/type="nickname"[^>]*bindinput=[^>]*bindblur=[^>]*bindnicknamereview=/)
  })

  it('saves the nickname picked from the keyboard and the avatar the app uploaded, never the temporary path', async () => {
    const { deliver, fillIn, form, uploads, settle, host } = mountProfileForm()
    const chosen = fillIn.chooseAvatar()
    deliver('.avatar', [chosen])
    deliver('.nickname', fillIn.pickSuggestedNickname())
    form.querySelector('.save')?.dispatchEvent('tap')
    expect(await settle()).toEqual({ avatar: UPLOADED, nickName: '小明', errorCode: '' })
    expect(uploads).toEqual([{ url: 'https://api.example.test/avatars', filePath: chosen.detail.avatarUrl, bytes: expect.stringContaining('<svg') }])
    expect(String(chosen.detail.avatarUrl)).toMatch(/^wxfile:\/\/tmp_/)
    expect(host.calls.filter((call) => call.api === 'getUserProfile')).toHaveLength(0)
  })

  it('shows USER_DENIED for a cancelled chooser, and the avatar chosen next still saves', async () => {
    const { deliver, fillIn, form, settle } = mountProfileForm()
    deliver('.avatar', [fillIn.chooseAvatar('deny')])
    await vi.waitFor(() => expect(form.data.errorCode).toBe('USER_DENIED'))
    deliver('.avatar', [fillIn.chooseAvatar()])
    deliver('.nickname', fillIn.typeNickname('Ana'))
    form.querySelector('.save')?.dispatchEvent('tap')
    expect(await settle()).toEqual({ avatar: UPLOADED, nickName: 'Ana', errorCode: '' })
  })

  it('never saves a nickname the review refused: NICKNAME_REJECTED, and nothing uploaded', async () => {
    const { deliver, fillIn, form, uploads, settle } = mountProfileForm('nickname-rejected')
    deliver('.avatar', [fillIn.chooseAvatar()])
    deliver('.nickname', fillIn.typeNickname('Bad name'))
    await vi.waitFor(() => expect(form.data.errorCode).toBe('NICKNAME_REJECTED'))
    form.querySelector('.save')?.dispatchEvent('tap')
    expect(await settle(true)).toEqual({ avatar: '', nickName: '', errorCode: 'NICKNAME_REJECTED' })
    expect(uploads).toEqual([])
  })
})
