import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Window, type Document, type Element } from 'happy-dom'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startDemoServer, type DemoServer } from '../demo/server.mjs'

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

  it('serves a page with the playground hooks and no external resources', async () => {
    const html = await (await fetch(server.url)).text()
    expect(html).toContain('<title>mini-user-profile playground</title>')
    for (const testId of ['scenario', 'prompt', 'latency', 'consent', 'result', 'runtime']) {
      expect(html).toContain(`data-testid="${testId}"`)
    }
    for (const outcome of ['grant', 'deny', 'insufficient-permissions', 'timeout', 'error']) {
      expect(html).toContain(`<option value="${outcome}"`)
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })

  it('serves app.js as a script bundle holding the library from source', async () => {
    const js = await (await fetch(new URL('/app.js', server.url))).text()
    expect(js).toContain('UserProfileError')
    expect(js).toContain('Share your profile?') // the browser mock's consent dialog
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
  const json = () => JSON.parse(text('json')) as Record<string, unknown>
  const choose = (outcome: string, options: { prompt?: boolean; latency?: string } = {}) => {
    hook<Element & { value: string }>('scenario').value = outcome
    hook<Element & { checked: boolean }>('prompt').checked = options.prompt ?? true
    hook<Element & { value: string }>('latency').value = options.latency ?? '5'
  }
  const press = () => hook<Element & { click(): void }>('consent').click()
  const answer = (choice: 'allow' | 'deny') => hook<Element & { click(): void }>(choice).click()
  const settled = () => vi.waitFor(() => expect(text('status')).not.toBe('Waiting…'), { timeout: 3000 })

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
    await window.happyDOM.close()
  })

  it('shows the runtime and consent control the library reports', () => {
    expect(text('runtime')).toBe('Runtime: browser · consent control: {"event":"click"}')
  })

  it('starts with prompt checked and a latency of 300 ms', () => {
    expect(hook<Element & { checked: boolean }>('prompt').checked).toBe(true)
    expect(hook<Element & { value: string }>('latency').value).toBe('300')
  })

  it('opens the consent dialog within the click and shows the profile JSON after Allow', async () => {
    choose('grant')
    press()
    // Synchronously, still inside the click: the result is cleared and the mock's dialog is up.
    expect(text('status')).toBe('Waiting…')
    const dialog = document.querySelector('[role="dialog"]')
    expect(dialog?.getAttribute('aria-modal')).toBe('true')
    expect(dialog?.textContent).toContain('Share your profile?')
    answer('allow')
    expect(document.querySelector('[role="dialog"]')).toBeNull()
    await settled()
    expect(text('status')).toBe('Profile received.')
    expect(json()).toEqual({
      code: '10000',
      msg: 'Success',
      avatar: `${server.url}avatar.svg`,
      gender: 'F',
      nationality: 'SG',
      nickName: 'Demo Ana',
    })
    expect(text('json')).toContain('\n  "code": "10000"') // pretty printed
    const avatar = hook('avatar')
    expect(avatar.getAttribute('src')).toBe(`${server.url}avatar.svg`)
    expect(avatar.getAttribute('alt')).toBe('Avatar of Demo Ana')
    expect(document.querySelector('[data-testid="advice"]')).toBeNull()
  })

  it('shows USER_DENIED and what to do after Deny, whatever the scenario', async () => {
    choose('grant')
    press()
    answer('deny')
    await settled()
    expect(text('status')).toBe('Failed with USER_DENIED.')
    expect(json()).toEqual({ code: 'USER_DENIED', message: expect.stringMatching(/^USER_DENIED on browser \(native code deny\): /) })
    expect(text('advice')).toMatch(/^What to do: The user declined to share their profile\./)
    expect(document.querySelector('[data-testid="avatar"]')).toBeNull()
  })

  it.each([
    ['deny', 'USER_DENIED'],
    ['insufficient-permissions', 'INSUFFICIENT_PERMISSIONS'],
    ['timeout', 'TIMEOUT'],
    ['error', 'NATIVE_ERROR'],
  ])('answers the %s scenario with %s and no dialog when prompt is off', async (outcome, code) => {
    choose(outcome, { prompt: false })
    press()
    expect(document.querySelector('[role="dialog"]')).toBeNull()
    await settled()
    expect(json().code).toBe(code)
    expect(text('advice')).toMatch(/^What to do: \S/)
    expect(text('advice')).not.toContain(code)
  })

  it('clears the previous result and shows Waiting… on each press', async () => {
    choose('grant', { prompt: false })
    press()
    await settled()
    expect(document.querySelector('[data-testid="avatar"]')).not.toBeNull()
    press()
    expect(text('status')).toBe('Waiting…')
    expect(text('details')).toBe('')
    expect(document.querySelector('[data-testid="avatar"]')).toBeNull()
    await settled()
    expect(json().code).toBe('10000')
  })
})
