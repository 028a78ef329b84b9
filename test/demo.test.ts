import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Window, type Document, type Element } from 'happy-dom'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startDemoServer, type DemoServer } from '../demo/server.mjs'
import { SCENARIOS, SIMULATED_RUNTIMES } from '../testing/index'

// The playground (`npm run demo`): the server's routes, then the page run for real in happy-dom against that server.
let server: DemoServer

beforeAll(async () => {
  server = await startDemoServer({ port: 0 })
})

afterAll(async () => {
  await server?.close()
})

describe('demo server', () => {
  it('listens on a free 127.0.0.1 port when asked for port 0', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/$/)
  })

  it.each([
    ['/', 200, 'text/html; charset=utf-8'],
    ['/app.js', 200, 'text/javascript; charset=utf-8'],
    ['/avatar.svg', 200, 'image/svg+xml; charset=utf-8'],
    ['/missing', 404, 'text/plain; charset=utf-8'],
    ['/app.ts', 404, 'text/plain; charset=utf-8'],
    ['/../package.json', 404, 'text/plain; charset=utf-8'],
  ])('answers GET %s with %i and %s', async (path, status, type) => {
    const response = await fetch(new URL(path, server.url))
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe(type)
  })

  it('keeps an uploaded SVG avatar and serves it back from 127.0.0.1 as an image that runs nothing', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'
    const response = await fetch(new URL('/avatars', server.url), { method: 'POST', headers: { 'Content-Type': 'image/svg+xml' }, body: svg })
    expect(response.status).toBe(201)
    const { url } = (await response.json()) as { url: string }
    expect(url).toMatch(new RegExp(`^${server.url}avatars/\\d+\\.svg$`))
    const served = await fetch(url)
    expect(served.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    expect(await served.text()).toBe(svg)
  })

  it.each([
    ['not an SVG', 'hello'],
    ['over 64 KB', `<svg>${'x'.repeat(70 * 1024)}</svg>`],
  ])('refuses an upload that is %s', async (_title, body) => {
    const response = await fetch(new URL('/avatars', server.url), { method: 'POST', body })
    expect(response.status).toBe(400)
  })

  it('serves a page with the playground hooks and no external resources', async () => {
    const html = await (await fetch(server.url)).text()
    expect(html).toContain('<title>mini-user-profile playground</title>')
    for (const testId of ['runtime', 'scenario', 'timeout', 'consent', 'status', 'raw', 'result', 'choose-avatar', 'nickname', 'submit-profile']) {
      expect(html).toContain(`data-testid="${testId}"`)
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })

  it('serves app.js as a script bundle holding the library from source', async () => {
    const js = await (await fetch(new URL('/app.js', server.url))).text()
    expect(js).toContain('UserProfileError')
    expect(js).toContain('Share your profile?') // the browser mock's consent dialog
    expect(js).toContain('simulated: no documented answer') // the testing kit's simulated hosts
    expect(js).not.toMatch(/^\s*(import|export)\s/m)
  })

  it('prints its URL alone on a line when run directly, and exits cleanly on SIGTERM', async () => {
    const script = fileURLToPath(new URL('../demo/server.mjs', import.meta.url))
    const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: '0' } })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    await vi.waitFor(() => expect(stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/), { timeout: 10000 })
    expect((await fetch(stdout.trim())).status).toBe(200)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})

describe('playground page', () => {
  let window: Window
  let document: Document

  const hook = <E extends Element = Element>(testId: string): E => {
    const element = document.querySelector<E>(`[data-testid="${testId}"]`)
    if (!element) throw new Error(`no [data-testid="${testId}"]`)
    return element
  }
  const text = (testId: string) => hook(testId).textContent
  const result = () => JSON.parse(text('result')) as Record<string, unknown>
  const choose = (label: string, scenario = 'grant', timeout = '') => {
    const runtime = hook<Element & { selectedIndex: number; options: ArrayLike<{ textContent: string }> }>('runtime')
    runtime.selectedIndex = Array.from(runtime.options).findIndex((option) => option.textContent === label)
    expect(runtime.selectedIndex).not.toBe(-1)
    hook<Element & { value: string }>('scenario').value = scenario
    hook<Element & { value: string }>('timeout').value = timeout
    for (const testId of ['runtime', 'scenario']) hook(testId).dispatchEvent(new window.Event('change')) // as a person's pick does
  }
  const click = (testId: string) => hook<Element & { click(): void }>(testId).click()
  const settled = () => vi.waitFor(() => expect(text('result')).not.toBe(''), { timeout: 3000 })
  const dialog = () => document.querySelector('[role="dialog"]')

  beforeEach(async () => {
    // The page's own markup, with its deferred /app.js loaded from the server and run in the window.
    window = new Window({
      url: server.url,
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    })
    document = window.document
    document.write(await (await fetch(server.url)).text())
    await window.happyDOM.waitUntilComplete()
  })

  afterEach(async () => {
    expect(window.happyDOM.virtualConsolePrinter.readAsString()).toBe('') // no page errors
    await window.happyDOM.close()
  })

  it('offers every runtime by its detectRuntime() name, two of them alipay, and every scenario of the kit', () => {
    const values = (testId: string) => Array.from(document.querySelectorAll(`[data-testid="${testId}"] option`), (option) => option.getAttribute('value'))
    expect(values('runtime')).toEqual(['alipay', ...SIMULATED_RUNTIMES, 'browser'])
    expect(new Set(values('runtime'))).toEqual(new Set([...SIMULATED_RUNTIMES, 'browser']))
    expect(values('scenario')).toEqual(SCENARIOS)
  })

  it('opens the wallet authorisation page on the getAuthorize button, and shows the profile after Allow', async () => {
    choose('Alipay+ wallet (GCash)')
    click('consent')
    // Still inside the click: nothing settled, the simulated wallet page is up.
    expect(text('result')).toBe('')
    expect(text('status')).toBe('Waiting for the GCash authorisation page…')
    expect(dialog()?.getAttribute('aria-modal')).toBe('true')
    expect(dialog()?.textContent).toContain('Avatar, nickname, gender and country or region')
    click('allow')
    expect(dialog()).toBeNull()
    await settled()
    expect(result()).toEqual({
      code: '10000', msg: 'Success', avatar: `${server.url}avatar.svg`, gender: 'F', nationality: 'SG', nickName: 'Demo Ana',
    })
    expect(text('result')).toContain('\n  "code": "10000"') // pretty printed
    expect(hook('avatar').getAttribute('src')).toBe(`${server.url}avatar.svg`)
    expect(text('status')).toBe('Profile received.')
    // The raw side: the button event, then the host's double-encoded answer exactly as sent.
    expect(text('raw')).toContain('button event → onGetAuthorize')
    expect(text('raw')).toContain('getOpenUserInfo → success')
    expect(text('raw')).toContain('\\"countryCode\\":\\"SG\\"')
    expect(text('detected')).toMatch(/^detectRuntime\(\) → alipay · getAuthorizeButton\(\) → \{"openType":"getAuthorize"/)
  })

  it('turns Deny on the authorisation page into USER_DENIED through fromAuthorizeError, with what to do', async () => {
    choose('Alipay')
    click('consent')
    click('deny')
    await settled()
    expect(result()).toEqual({ code: 'USER_DENIED', message: expect.stringMatching(/^USER_DENIED on alipay: /) })
    expect(text('advice')).toBe('What to do: go on without it; ask again only on a new tap')
    expect(text('raw')).toContain('button event → onError')
    expect(text('calls')).not.toContain('getOpenUserInfo') // the library never called the host
  })

  it('calls WeChat inside the consent tap, and flags the anonymised profile it grants', async () => {
    choose('WeChat')
    click('consent')
    expect(dialog()).toBeNull()
    await settled()
    expect(result()).toMatchObject({ code: '10000', nickName: '微信用户' })
    expect(text('placeholder')).toContain('isPlaceholderProfile() is true')
    expect(document.querySelector('[data-testid="avatar"]')).toBeNull() // not served by the demo server
    expect(text('raw')).toContain('getUserProfile → success')
  })

  it('lists DingTalk and shows UNSUPPORTED with the advice', async () => {
    choose('DingTalk', 'grant')
    expect(text('scenario-note')).toContain('UNSUPPORTED')
    click('consent')
    await settled()
    expect(result()).toEqual({ code: 'UNSUPPORTED', message: expect.stringMatching(/^UNSUPPORTED on dingtalk: /) })
    expect(text('advice')).toContain('dd.getAuthCode')
  })

  it('plays the browser mock with its own dialog, and a scenario it lacks as a host error', async () => {
    choose('Browser mock (H5 page)', 'malformed')
    expect(text('scenario-note')).toContain('NATIVE_ERROR')
    click('consent')
    expect(dialog()?.textContent).toContain('Share your profile?')
    click('allow')
    await settled()
    expect(result()).toMatchObject({ code: 'NATIVE_ERROR' })
    expect(text('raw')).toContain('configureMock(options)')
  })

  it('shows TIMEOUT for a host that never answers when a timeout is set', async () => {
    choose('Douyin', 'never', '50')
    click('consent')
    expect(text('no-answer')).toBe('No answer yet.')
    await settled()
    expect(result()).toMatchObject({ code: 'TIMEOUT' })
    expect(document.querySelector('[data-testid="no-answer"]')).toBeNull()
  })

  it('clears the previous result on each press, before the new call', async () => {
    choose('Douyin')
    click('consent')
    await settled()
    expect(document.querySelector('[data-testid="avatar"]')).not.toBeNull()
    choose('Douyin', 'slow')
    click('consent')
    expect(text('result')).toBe('')
    expect(text('status')).toBe('Waiting…')
    expect(document.querySelector('[data-testid="avatar"]')).toBeNull()
  })
})
