// The web super apps' pages are web pages: every runtime entry loads from a plain <script type="module"> (dist/*.mjs
// import nothing), and the Telegram and LINE entries give the profile there, in Debian's Chromium, against the kit's
// documented host objects set up by the page as telegram-web-app.js and the LIFF SDK would.
import { readFileSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, RUNTIME_ENTRIES } from '../build/dist'

const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
// A made-up origin served from memory (page.route): nothing leaves the machine.
const ORIGIN = 'http://mini-app.test'

let browser: Browser

beforeAll(async () => {
  ensureBuilt()
  browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS })
}, 30000)
afterAll(async () => browser?.close())

/** A page at ORIGIN whose `/dist/*.mjs` are this build's files and whose `/` is `html`. */
async function pageWith(html: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    if (path.startsWith('/dist/')) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`.${path}`, 'utf8') })
    return route.fulfill({ contentType: 'text/html', body: html })
  })
  await page.goto(`${ORIGIN}/`)
  return { page, errors }
}

const moduleScript = (entry: string, body: string) =>
  `<!doctype html><html><body><script type="module">import * as lib from '/dist/${entry}.mjs'\n${body}</script></body></html>`

describe('runtime entries in a plain <script type="module">', () => {
  it.each(RUNTIME_ENTRIES)('mini-user-profile/%s loads and runs with no bundler', async (entry) => {
    const { page, errors } = await pageWith(moduleScript(entry, 'window.exported = Object.keys(lib).sort(); window.detected = lib.detectRuntime()'))
    await page.waitForFunction(() => 'exported' in window)
    const exported = await page.evaluate(() => (window as unknown as { exported: string[] }).exported)
    expect(exported).toEqual(expect.arrayContaining(['getLoginCode', 'getUserProfile', 'UserProfileError']))
    // A plain page has a window and a document: the runtimes that are web pages name it, the others see nothing.
    const detected = await page.evaluate(() => (window as unknown as { detected: unknown }).detected)
    expect(detected).toBe(entry === 'browser' ? 'browser' : null)
    expect(errors).toEqual([])
    await page.close()
  })

  it('gives the Telegram launch user and initData on a page that Telegram opened', async () => {
    const user = { id: 1, first_name: 'Ana', last_name: 'Lim', photo_url: 'https://t.me/i/userpic/320/a.jpg' }
    const initData = `user=${encodeURIComponent(JSON.stringify(user))}&auth_date=1733300000&hash=${'0'.repeat(64)}`
    const setup = `<script>window.Telegram = { WebApp: { initData: ${JSON.stringify(initData)}, initDataUnsafe: { user: ${JSON.stringify(user)} } } }</script>`
    const { page, errors } = await pageWith(
      setup + moduleScript('telegram', 'Promise.all([lib.getUserProfile(), lib.getLoginCode()]).then((r) => (window.result = r), (e) => (window.result = e.code))'),
    )
    await page.waitForFunction(() => 'result' in window)
    const [info, login] = await page.evaluate(() => (window as unknown as { result: [Record<string, string>, Record<string, string>] }).result)
    expect(info).toMatchObject({ code: '10000', nickName: 'Ana Lim', avatar: user.photo_url, gender: '', nationality: '' })
    expect(login).toEqual({ code: initData, runtime: 'telegram' })
    expect(errors).toEqual([])
    await page.close()
  })

  it('gives the LINE profile after the page ran liff.init, in the LINE app', async () => {
    const liff = `<script>window.liff = { id: null, init(c) { this.id = c.liffId; return Promise.resolve() }, isInClient: () => true,
      isLoggedIn: () => true, getIDToken: () => 'id.token.x', getProfile: () => Promise.resolve({ userId: 'U1', displayName: 'Ana', pictureUrl: 'https://profile.line-scdn.net/a' }) }</script>`
    const { page, errors } = await pageWith(
      liff + moduleScript('line', "lib.getUserProfile().catch((e) => e.code).then((before) => liff.init({ liffId: '1-x' }).then(() => lib.getUserProfile()).then((info) => (window.result = [before, info])))"),
    )
    await page.waitForFunction(() => 'result' in window)
    const [before, info] = await page.evaluate(() => (window as unknown as { result: [string, Record<string, string>] }).result)
    expect(before).toBe('AUTHORIZATION_REQUIRED') // before liff.init
    expect(info).toMatchObject({ code: '10000', nickName: 'Ana', avatar: 'https://profile.line-scdn.net/a' })
    expect(errors).toEqual([])
    await page.close()
  })
})
