import { spawnSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../demo/server.mjs'
import { getAuthorizeButton } from '../../src/index'
import { hostName, install, SCENARIOS, SIMULATED_RUNTIMES, type Scenario, type SimulatedRuntime } from '../../testing/index'
import { scenarioOutcomes, type HostScenario } from '../testing/scenario-outcomes'

// The playground (`npm run demo`) in Debian's Chromium: every runtime option × every scenario, clicked through as a
// person would. Needs /usr/bin/chromium (`.ci/run` installs it; locally `apt-get install chromium`); the suite fails,
// never skips, when the browser cannot start. CHROMIUM_PATH points it at another binary.
const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
const SCREENSHOT = 'test-artifacts/playground-alipay-grant.png'

// The runtime <select>: its labels and values (the names detectRuntime() gives), in page order: the Alipay+ wallet
// first, then every host of the kit under its own name, then the browser mock.
type Runtime = SimulatedRuntime | 'browser'
const RUNTIME_OPTIONS: ReadonlyArray<readonly [string, Runtime]> = [
  ['Alipay+ wallet (GCash)', 'alipay'],
  ...SIMULATED_RUNTIMES.map((runtime) => [hostName(runtime), runtime] as const),
  ['Browser mock (H5 page)', 'browser'],
]

// The kit's outcomes (test/testing/scenario-outcomes.ts); the browser mock plays the scenarios it has no answer for
// as a host error.
const hostAnswers: Record<Exclude<Runtime, 'dingtalk'>, Record<HostScenario, string>> = {
  ...scenarioOutcomes,
  browser: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'INSUFFICIENT_PERMISSIONS', 'authorization-required': 'NATIVE_ERROR' },
}

function expectedOutcome(runtime: Runtime, scenario: Scenario): string {
  if (runtime === 'dingtalk') return 'UNSUPPORTED' // no client profile API: nothing to wait for, whatever the host would do
  // Telegram gives the user with the launch: no call to wait for, so slow and never play as grant.
  if (runtime === 'telegram' && (scenario === 'never' || scenario === 'slow')) return hostAnswers.telegram.grant
  if (scenario === 'never') return 'TIMEOUT' // the page sets a 300 ms timeout for it
  // The privacy popup (WeChat, Douyin) is allowed by the matrix; the nickname review belongs to the fill-in flow.
  if (scenario === 'slow' || scenario === 'privacy-required' || scenario === 'nickname-rejected') return hostAnswers[runtime].grant
  if (scenario === 'malformed') return runtime === 'browser' ? 'NATIVE_ERROR' : 'MALFORMED_RESPONSE'
  return hostAnswers[runtime][scenario]
}

// The runtimes whose consent is a button that opens an authorisation page (getAuthorizeButton().openType), and the
// browser mock's own dialog. authorization-required plays a page that calls without that step.
const buttonRuntimes: readonly Runtime[] = SIMULATED_RUNTIMES.filter((runtime) => getAuthorizeButton(runtime)?.openType)
// The hosts with a privacy step (the kit's SimulatedHost.privacy: WeChat, Douyin): privacy-required shows the page's popup.
const privacyRuntimes: readonly Runtime[] = SIMULATED_RUNTIMES.filter((runtime) => {
  const probe = install(runtime, { globals: {} })
  probe.restore()
  return probe.privacy !== undefined
})
const showsDialog = (runtime: Runtime, scenario: Scenario) =>
  runtime === 'browser' ||
  (buttonRuntimes.includes(runtime) && scenario !== 'authorization-required') ||
  (privacyRuntimes.includes(runtime) && scenario === 'privacy-required')

const matrix = RUNTIME_OPTIONS.flatMap(([label, runtime]) =>
  SCENARIOS.map((scenario) => [label, scenario, expectedOutcome(runtime, scenario), runtime] as const),
)

let server: DemoServer
let launched: Promise<{ browser: Browser; context: BrowserContext }>

async function launch() {
  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS })
  // One context for every page: the playground keeps no state outside its document, and a context per page
  // would cost a renderer start each time.
  return { browser, context: await browser.newContext() }
}

beforeAll(async () => {
  server = await startDemoServer({ port: 0 })
  launched = launch().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new Error(`Chromium did not start from ${EXECUTABLE} (install it: apt-get install chromium): ${reason}`)
  })
  launched.catch(() => undefined) // each test awaits it and fails with this message
}, 30000)

afterAll(async () => {
  await launched?.then(({ browser }) => browser.close(), () => undefined)
  await server?.close()
})

/**
 * A fresh page on the playground; page errors, and any request that leaves the demo server (the README says the
 * playground works offline), are collected so each test can assert there were none.
 */
async function openPlayground(context?: BrowserContext): Promise<{ page: Page; errors: string[]; offsite: string[] }> {
  const page = await (context || (await launched).context).newPage()
  const errors: string[] = []
  const offsite: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) offsite.push(request.url())
  })
  await page.goto(server.url)
  return { page, errors, offsite }
}

const settledResult = async (page: Page) => {
  await page.waitForFunction(() => document.querySelector('[data-testid="result"]')?.textContent !== '', undefined, { timeout: 8000 })
  return JSON.parse((await page.getByTestId('result').textContent()) || '') as Record<string, unknown>
}

describe('playground in Chromium', () => {
  it('starts Debian\'s Chromium and lists every runtime and scenario', async () => {
    const { page, errors } = await openPlayground()
    const options = (testId: string) =>
      page.getByTestId(testId).locator('option').evaluateAll((nodes) => nodes.map((node) => [node.textContent, (node as HTMLOptionElement).value]))
    expect(await options('runtime')).toEqual(RUNTIME_OPTIONS.map(([label, value]) => [label, value]))
    expect((await options('scenario')).map(([, value]) => value)).toEqual(SCENARIOS)
    expect(errors).toEqual([])
    await page.close()
  })

  // Concurrent (vitest's maxConcurrency, 5 by default): each row has a page of its own, and the slow rows wait.
  it.concurrent.for(matrix)('%s, %s: ends in %s', { timeout: 15000 }, async ([label, scenario, expected, runtime], { expect }) => {
    const { page, errors, offsite } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label })
    await page.getByTestId('scenario').selectOption(scenario)
    if (scenario === 'never') await page.getByTestId('timeout').fill('300')
    const started = Date.now()
    await page.getByTestId('consent').click()
    if (showsDialog(runtime, scenario)) {
      // Pending behind the dialog: the result stays empty until the user chooses.
      expect(await page.getByRole('dialog').count()).toBe(1)
      expect(await page.getByTestId('result').textContent()).toBe('')
      await page.getByTestId(scenario === 'deny' ? 'deny' : 'allow').click()
    } else {
      expect(await page.getByTestId('allow').count()).toBe(0)
    }
    const result = await settledResult(page)
    if (expected === '10000' || expected === 'placeholder') {
      expect(result.code).toBe('10000')
      expect(await page.getByTestId('placeholder').count()).toBe(expected === 'placeholder' ? 1 : 0)
      if (expected === '10000') {
        expect(result.nickName).toBe('Demo Ana')
        // The demo avatar comes from the demo server, and actually loads under the page's CSP.
        const avatar = page.getByTestId('avatar')
        expect(await avatar.getAttribute('src')).toBe(`${server.url}avatar.svg`)
        await page.waitForFunction(() => (document.querySelector('[data-testid="avatar"]') as HTMLImageElement).naturalWidth > 0)
      }
    } else {
      expect(result).toEqual({ code: expected, message: expect.stringMatching(new RegExp(`^${expected} on `)) })
      expect(await page.getByTestId('advice').textContent()).toMatch(/^What to do: \S/)
    }
    if (scenario === 'slow' && runtime !== 'dingtalk' && runtime !== 'telegram') expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    if (label === 'Alipay+ wallet (GCash)' && scenario === 'grant') {
      await mkdir('test-artifacts', { recursive: true })
      await page.screenshot({ path: SCREENSHOT, fullPage: true })
    }
    // The scenario's label names this host's own answer, never another host's codes.
    const scenarioText = await page.getByTestId('scenario').locator(`option[value="${scenario}"]`).textContent()
    if (runtime !== 'alipay') expect(scenarioText).not.toMatch(/Alipay|4000[36]/)
    expect(errors).toEqual([])
    expect(offsite).toEqual([])
    await page.close()
  })

  it('shows a local stand-in for a host\'s own avatar (WeChat\'s grey one), keeps its URL in the result, and fetches nothing from the internet', async () => {
    const { page, errors, offsite } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label: 'WeChat' })
    await page.getByTestId('consent').click()
    const result = await settledResult(page)
    expect(result.avatar).toMatch(/^https:\/\/thirdwx\.qlogo\.cn\//)
    expect(await page.getByTestId('raw').textContent()).toContain('thirdwx.qlogo.cn')
    const standIn = page.getByTestId('avatar-stand-in')
    expect(await standIn.getAttribute('src')).toBe('/stand-in-avatar.svg')
    expect(await standIn.getAttribute('alt')).toBe('Stand-in for the avatar at thirdwx.qlogo.cn')
    await page.waitForFunction(() => (document.querySelector('[data-testid="avatar-stand-in"]') as HTMLImageElement).naturalWidth > 0)
    expect(await page.getByTestId('stand-in-note').textContent()).toContain('thirdwx.qlogo.cn')
    expect(errors).toEqual([])
    expect(offsite).toEqual([])
    await page.close()
  })

  it.each([
    ['Alipay+ wallet (GCash)', 'Avatar, nickname, gender and country or region'],
    ['QQ', 'Avatar, nickname, gender and region'],
  ])('%s: the authorisation page lists what the host shares', async (label, fields) => {
    const { page } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label })
    await page.getByTestId('consent').click()
    expect(await page.getByRole('dialog').locator('li').textContent()).toBe(fields)
    await page.close()
  })

  it('has a CJK font, so the hosts\' Chinese text in screenshots is not boxes (.ci/run installs fonts-noto-cjk)', () => {
    const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
    expect(fonts.stdout.trim(), 'apt-get install fonts-noto-cjk').not.toBe('')
  })


  it('shows a call the host never answers as pending, with no answer yet', async () => {
    const { page } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label: 'WeChat' })
    await page.getByTestId('scenario').selectOption('never')
    await page.getByTestId('consent').click()
    await page.waitForTimeout(1500)
    expect(await page.getByTestId('status').textContent()).toBe('Waiting…')
    expect(await page.getByTestId('result').textContent()).toBe('')
    expect(await page.getByTestId('no-answer').textContent()).toBe('No answer yet.')
    expect(await page.getByTestId('calls').textContent()).toContain('getUserProfile')
    await page.close()
  })

  // What each runtime's "Log in" shows (issue 14): a fresh code per press, the host's refusal where it asks the user.
  const loginJson = async (page: Page) => {
    await page.waitForFunction(() => !document.querySelector('[data-testid="login-result"]')?.textContent?.startsWith('Waiting'))
    return JSON.parse((await page.getByTestId('login-result').textContent()) || 'null') as Record<string, unknown>
  }
  // Telegram's initData, LINE's ID token and VK's launch parameters are the launch's or the session's credential: the same on each press.
  const sameCredential = (runtime: Runtime) => runtime === 'telegram' || runtime === 'line' || runtime === 'vk'
  it.each(RUNTIME_OPTIONS)('%s: "Log in" shows the LoginCode, a new one on each press (the same credential on Telegram, LINE, VK)', async (label, runtime) => {
    const { page, errors } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label })
    await page.getByTestId('login').click()
    const first = await loginJson(page)
    expect(first).toMatchObject({ runtime, code: expect.any(String) })
    await page.getByTestId('login').click()
    const second = await loginJson(page)
    if (sameCredential(runtime)) expect(second.code).toBe(first.code)
    else expect(second.code).not.toBe(first.code)
    expect(errors).toEqual([])
    await page.close()
  })

  it.each([
    ['Douyin', 'deny', 'USER_DENIED'],
    ['Browser mock (H5 page)', 'deny', 'USER_DENIED'],
    ['WeChat', 'malformed', 'MALFORMED_RESPONSE'],
  ])('%s, %s: "Log in" shows { code, message } of the error', async (label, scenario, code) => {
    const { page } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label })
    await page.getByTestId('scenario').selectOption(scenario)
    await page.getByTestId('login').click()
    expect(await loginJson(page)).toEqual({ code, message: expect.stringContaining(code) })
    await page.close()
  })

  it('clears the previous result on each press, before the new call settles', async () => {
    const { page } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label: 'Douyin' })
    await page.getByTestId('consent').click()
    expect((await settledResult(page)).code).toBe('10000')
    await page.getByTestId('scenario').selectOption('slow')
    await page.getByTestId('consent').click()
    expect(await page.getByTestId('result').textContent()).toBe('')
    expect(await page.getByTestId('avatar').count()).toBe(0)
    expect((await settledResult(page)).code).toBe('10000')
    await page.close()
  })

  it('runs WeChat\'s fill-in: the chooser, the nickname typed, the avatar uploaded to the demo server and shown', async () => {
    const { page, errors } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label: 'WeChat' })
    expect(await page.getByTestId('fill-in').isVisible()).toBe(true)
    await page.getByTestId('choose-avatar').click()
    expect(await page.getByRole('dialog').textContent()).toContain('Choose your avatar')
    await page.getByTestId('allow').click()
    await page.getByTestId('nickname').fill('Ana Lima')
    await page.getByTestId('submit-profile').click()
    const result = await settledResult(page)
    expect(result).toEqual({ code: '10000', msg: 'Success', avatar: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/avatars\/\d+\.svg$/), gender: '', nationality: '', nickName: 'Ana Lima' })
    // The uploaded avatar comes back from 127.0.0.1 and loads under the page's CSP.
    expect(await page.getByTestId('avatar').getAttribute('src')).toBe(result.avatar)
    await page.waitForFunction(() => (document.querySelector('[data-testid="avatar"]') as HTMLImageElement).naturalWidth > 0)
    expect(await page.getByTestId('placeholder').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('hides the fill-in on runtimes without one', async () => {
    const { page } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label: 'Douyin' })
    expect(await page.getByTestId('fill-in').isVisible()).toBe(false)
    await page.close()
  })

  it('shows NICKNAME_REJECTED when WeChat\'s review refuses the nickname, and clears the field as WeChat does', async () => {
    const { page, errors } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label: 'WeChat' })
    await page.getByTestId('scenario').selectOption('nickname-rejected')
    await page.getByTestId('nickname').fill('Bad name')
    await page.getByTestId('submit-profile').click()
    const result = await settledResult(page)
    expect(result).toEqual({ code: 'NICKNAME_REJECTED', message: expect.stringMatching(/^NICKNAME_REJECTED on wechat: /) })
    expect(await page.getByTestId('nickname').inputValue()).toBe('')
    expect(errors).toEqual([])
    await page.close()
  })

  it.each(privacyRuntimes.map((runtime) => hostName(runtime as SimulatedRuntime)))('%s, privacy-required: Deny in the privacy popup gives PRIVACY_NOT_AUTHORIZED', async (label) => {
    const { page, errors } = await openPlayground()
    await page.getByTestId('runtime').selectOption({ label })
    await page.getByTestId('scenario').selectOption('privacy-required')
    await page.getByTestId('consent').click()
    expect(await page.getByRole('dialog').textContent()).toContain('privacy')
    expect(await page.getByTestId('result').textContent()).toBe('')
    await page.getByTestId('deny').click()
    expect(await settledResult(page)).toEqual({ code: 'PRIVACY_NOT_AUTHORIZED', message: expect.stringMatching(/^PRIVACY_NOT_AUTHORIZED on /) })
    expect(errors).toEqual([])
    await page.close()
  })
})

// Phones: issue 13 found the Alipay sheet pushed off a 390 px screen by a line 702 px wide.
describe('playground on a phone (390×844, isMobile) and on a 360 px screen', () => {
  const phone = async (width: number) => (await launched).browser.newContext({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true })
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

  it.each(RUNTIME_OPTIONS.filter(([, runtime]) => showsDialog(runtime, 'grant') || privacyRuntimes.includes(runtime)))('%s: every dialog button lies inside the viewport, and nothing overflows', async (label, runtime) => {
    const context = await phone(390)
    const { page, errors } = await openPlayground(context)
    await page.getByTestId('runtime').selectOption({ label })
    if (privacyRuntimes.includes(runtime)) await page.getByTestId('scenario').selectOption('privacy-required')
    await page.getByTestId('consent').click()
    const dialog = page.getByRole('dialog')
    expect(await dialog.count()).toBe(1)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    for (const button of await dialog.getByRole('button').all()) {
      const box = await button.boundingBox()
      expect(box, await button.textContent() || '').not.toBeNull()
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width).toBeLessThanOrEqual(390)
      expect(box!.y + box!.height).toBeLessThanOrEqual(844)
    }
    await page.getByTestId('allow').tap()
    expect((await settledResult(page)).code).toBe('10000')
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it.each(RUNTIME_OPTIONS.map(([label]) => label))('%s at 360 px: the page and its result are no wider than the screen', async (label) => {
    const context = await phone(360)
    const { page } = await openPlayground(context)
    await page.getByTestId('runtime').selectOption({ label })
    await page.getByTestId('scenario').selectOption('deny')
    await page.getByTestId('consent').click()
    if (await page.getByRole('dialog').count()) await page.getByTestId('deny').tap()
    await settledResult(page)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await context.close()
  })
})
