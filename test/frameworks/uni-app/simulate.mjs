// Runs the built uni-app WeChat output (dist/build/mp-weixin) under WeChat's own component test tool,
// miniprogram-simulate (over j-component), with mini-user-profile's simulated WeChat host (mini-user-profile/testing).
// Plain Node, no test runner: happy-dom gives the tool its DOM.
//
//   const { plain, sync } = await runWechatPage('dist/build/mp-weixin')
//   // → { plain: 'NOT_USER_GESTURE', sync: '微信用户' }
//
// Each button is pressed the way the tool does it (dispatchEvent('tap')). As in profile-card.test.ts, every `tap`
// event that j-component's exparser dispatches runs inside `host.tap`, so exactly the synchronous run of a tap's
// dispatch to its handlers is a user gesture, as in WeChat. uni-app runs a plain `@tap` handler in a setTimeout
// (outside the gesture) and one on an element with data-eventsync="true" at once (inside it).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { installDom, loadTool, tapEventsAreGestures, wechatCompiler } from '../simulate-shared.mjs'

const require = createRequire(import.meta.url)

/** Page of the built app that has the two buttons, relative to the output directory. */
const PAGE = 'pages/index/index'
const TIMEOUT_MS = 5000

/** What WeChat's base library provides before app.js runs, as far as a uni-app build needs it. */
function installAppGlobals() {
  const saved = ['App', 'getApp', 'Page', 'getCurrentPages'].map((key) => [key, Object.getOwnPropertyDescriptor(globalThis, key)])
  let app
  const launch = { path: PAGE, query: {}, scene: 1001, referrerInfo: {} }
  globalThis.App = (options) => {
    app = options
    for (const hook of ['onLaunch', 'onShow']) if (typeof options[hook] === 'function') options[hook].call(options, launch)
  }
  globalThis.getApp = () => app
  // uni-app's Vue 3 pages register with Component(); a Page() call would mean the build is not what this expects.
  globalThis.Page = () => {
    throw new Error('Page() is not simulated: uni-app pages are expected to register with Component()')
  }
  globalThis.getCurrentPages = () => []
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, key, descriptor)
      else delete globalThis[key]
    }
  }
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

/**
 * Loads the built WeChat output under miniprogram-simulate with a granting simulated WeChat, taps `.plain` then
 * `.sync`, and returns what the page stored for each: the nickName, or the UserProfileError code.
 * @param {string} outputDir the uni-app mp-weixin output directory (e.g. dist/build/mp-weixin)
 * @returns {Promise<{ plain: string, sync: string }>}
 */
export async function runWechatPage(outputDir, { scenario = 'grant' } = {}) {
  const root = resolve(outputDir)
  const pagePath = join(root, PAGE)
  for (const file of ['app.js', `${PAGE}.js`, `${PAGE}.json`, `${PAGE}.wxml`]) {
    if (!existsSync(join(root, file))) throw new Error(`${join(root, file)} is missing: build mp-weixin first`)
  }

  const cleanups = []
  const cleanup = async () => {
    while (cleanups.length) await cleanups.pop()()
  }
  try {
    cleanups.push(installDom())
    const { simulate, exparser } = loadTool(require)
    const { install } = await import('mini-user-profile/testing')

    const host = install('wechat', { scenario }) // wx + __wxConfig on globalThis, over miniprogram-simulate's wx
    cleanups.push(() => host.restore())
    cleanups.push(tapEventsAreGestures(exparser, host))
    cleanups.push(installAppGlobals())

    // app.js first, as WeChat runs it: it loads common/vendor.js (uni-app's runtime, Vue, the library) and App().
    const appJs = join(root, 'app.js')
    const built = Object.keys(require.cache).filter((file) => file.startsWith(root))
    for (const file of built) delete require.cache[file] // a fresh runtime per run
    require(appJs)
    cleanups.push(() => {
      for (const file of Object.keys(require.cache)) if (file.startsWith(root)) delete require.cache[file]
    })

    const id = simulate.load(pagePath, 'page', { compiler: wechatCompiler(), rootPath: root })
    const page = simulate.render(id)
    const parent = document.createElement('parent-wrapper')
    page.attach(parent)
    cleanups.push(() => page.detach())

    const vm = () => page.instance && page.instance.$vm
    const text = (selector) => {
      const node = page.querySelector(selector)
      return (node && node.dom && node.dom.textContent.trim()) || ''
    }
    const press = async (selector, field, shown) => {
      const button = page.querySelector(selector)
      if (!button) throw new Error(`no ${selector} on the rendered page`)
      button.dispatchEvent('tap')
      const deadline = Date.now() + TIMEOUT_MS
      for (;;) {
        const stored = vm() ? vm()[field] : ''
        if (stored && text(shown) === stored) return stored
        if (Date.now() > deadline) {
          throw new Error(`${selector}: nothing stored in "${field}" within ${TIMEOUT_MS} ms (page shows "${text(shown)}")`)
        }
        await sleep(10)
      }
    }

    if (!vm()) throw new Error('the page has no Vue instance ($vm): uni-app did not mount it')
    const plain = await press('.plain', 'plain', '.plain-result')
    const sync = await press('.sync', 'sync', '.sync-result')
    return { plain, sync }
  } finally {
    await cleanup()
  }
}
