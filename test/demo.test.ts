import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../demo/server.mjs'

let server: DemoServer

beforeAll(async () => {
  server = await startDemoServer({ port: 0 })
}, 30_000)

afterAll(async () => {
  await server?.close()
})

/** Opens the playground in happy-dom: the served HTML, then the served bundle run in the page's window. */
async function openPlayground() {
  const [html, appJs] = await Promise.all([
    fetch(server.url).then((response) => response.text()),
    fetch(new URL('/app.js', server.url)).then((response) => response.text()),
  ])
  const window = new Window({ url: server.url, settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true } })
  window.document.write(html.replace('<script src="/app.js"></script>', ''))
  window.eval(appJs)
  const document = window.document
  const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as unknown as HTMLElement
  const settled = async () => {
    for (let i = 0; i < 200 && byTestId('status').textContent === 'Waiting…'; i++) await new Promise((r) => setTimeout(r, 10))
    const json = byTestId('details').querySelector('[data-testid="json"]')
    return json ? JSON.parse(json.textContent ?? '') : undefined
  }
  return { window, document, byTestId, settled }
}

describe('npm run demo', () => {
  it('serves the page, its bundle and the demo avatar from localhost, and 404 for anything else', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const get = (path: string) => fetch(new URL(path, server.url))
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    const html = await page.text()
    for (const id of ['scenario', 'consent', 'result']) expect(html).toContain(`data-testid="${id}"`)
    expect(html).not.toMatch(/(src|href)="https?:/) // offline: nothing external
    const app = await get('/app.js')
    expect(app.headers.get('content-type')).toContain('javascript')
    expect(await app.text()).toContain('UserProfileError')
    expect((await get('/avatar.svg')).headers.get('content-type')).toContain('image/svg+xml')
    expect((await get('/nothing-here')).status).toBe(404)
  })

  it('shows the normalized profile after the user allows in the consent dialog', async () => {
    const { document, byTestId, settled, window } = await openPlayground()
    expect(byTestId('runtime').textContent).toContain('browser')
    ;(byTestId('latency') as HTMLInputElement).value = '0'
    byTestId('consent').click()
    expect(byTestId('status').textContent).toBe('Waiting…')
    const allow = document.querySelector('[role="dialog"] [data-testid="allow"]') as unknown as HTMLElement
    expect(allow).not.toBeNull()
    allow.click()
    expect(await settled()).toEqual({
      code: '10000',
      msg: 'Success',
      avatar: new URL('/avatar.svg', server.url).href,
      gender: 'F',
      nationality: 'SG',
      nickName: 'Demo Ana',
    })
    expect(document.querySelector('[role="dialog"]')).toBeNull()
    expect(byTestId('details').querySelector('img')?.getAttribute('src')).toBe(new URL('/avatar.svg', server.url).href)
    await window.happyDOM.close()
  })

  it('shows USER_DENIED with advice after the user denies', async () => {
    const { document, byTestId, settled, window } = await openPlayground()
    ;(byTestId('latency') as HTMLInputElement).value = '0'
    byTestId('consent').click()
    ;(document.querySelector('[data-testid="deny"]') as unknown as HTMLElement).click()
    expect(await settled()).toMatchObject({ code: 'USER_DENIED' })
    expect(byTestId('advice').textContent).toContain('What to do')
    await window.happyDOM.close()
  })

  it('clears the previous result on each press and follows the chosen scenario', async () => {
    const { byTestId, settled, window } = await openPlayground()
    ;(byTestId('latency') as HTMLInputElement).value = '0'
    ;(byTestId('prompt') as HTMLInputElement).checked = false
    ;(byTestId('scenario') as HTMLSelectElement).value = 'insufficient-permissions'
    byTestId('consent').click()
    expect(await settled()).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' })
    ;(byTestId('scenario') as HTMLSelectElement).value = 'grant'
    byTestId('consent').click()
    expect(byTestId('details').textContent).toBe('')
    expect(await settled()).toMatchObject({ code: '10000', nickName: 'Demo Ana' })
    await window.happyDOM.close()
  })
})
