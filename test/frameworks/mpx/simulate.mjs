// Runs the built mpx WeChat page under WeChat's own component test tool (miniprogram-simulate over j-component), with
// mini-user-profile's simulated WeChat host, in plain Node: taps the page's `.share` button and reports what the page
// shows. miniprogram-simulate, j-component and happy-dom come from the repository root's node_modules (found by walking
// up); mini-user-profile/testing from this directory's node_modules (the installed tarball).
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { installDom, loadTool, tapEventsAreGestures, waitFor, wechatCompiler } from '../simulate-shared.mjs'

const require = createRequire(import.meta.url)

/** The globals the mini program's own runtime provides (App, getApp, Page, getCurrentPages), kept minimal. */
function installAppRuntime() {
  const names = ['App', 'getApp', 'Page', 'getCurrentPages']
  const saved = new Map(names.map((key) => [key, Object.getOwnPropertyDescriptor(globalThis, key)]))
  let app
  const pages = []
  globalThis.App = (options) => {
    app = options
    options.onLaunch?.call(options, { path: 'pages/index', query: {}, scene: 1001 })
    options.onShow?.call(options, { path: 'pages/index', query: {}, scene: 1001 })
  }
  globalThis.getApp = () => app
  // mpx builds pages as `Component(…)` on WeChat; a `Page(…)` would be registered the same way here.
  globalThis.Page = (options) => globalThis.Component(options)
  globalThis.getCurrentPages = () => pages
  return {
    pages,
    restore() {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, key, descriptor)
        else delete globalThis[key]
      }
    },
  }
}

/**
 * Loads `<outputDir>/app.js` and the page `<outputDir>/pages/index` of an mpx WeChat build, taps `.share` the way the
 * tool does (`dispatchEvent('tap')`) and returns `{ tap }`: the nickName or error code the page stored in `result`.
 */
export async function runWechatPage(outputDir, { scenario = 'grant' } = {}) {
  const root = resolve(outputDir)
  const cleanups = []
  try {
    cleanups.push(installDom())
    const { simulate, exparser } = loadTool(require) // defines global Component, Behavior and its own wx
    const { install } = await import('mini-user-profile/testing')
    const host = install('wechat', { scenario }) // wx + __wxConfig on globalThis, over miniprogram-simulate's wx
    cleanups.push(() => host.restore())
    cleanups.push(tapEventsAreGestures(exparser, host))
    const runtime = installAppRuntime()
    cleanups.push(() => runtime.restore())

    cleanups.push(() => {
      for (const file of Object.keys(require.cache)) if (file.startsWith(root)) delete require.cache[file]
    })
    require(join(root, 'app.js')) // App(…) from the build, with its shared bundle.js
    const id = simulate.load(join(root, 'pages', 'index'), 'index', { compiler: wechatCompiler(), rootPath: root })
    const page = simulate.render(id)
    runtime.pages.push(page.instance)
    const parent = document.createElement('parent-wrapper')
    page.attach(parent)
    cleanups.push(() => page.detach())

    const button = page.querySelector('.share')
    if (!button) throw new Error('no .share button in the rendered page')
    button.dispatchEvent('tap') // the tool queues the dispatch; the handler runs in a later microtask
    const tap = await waitFor(() => page.data.result, 'the page to store result')
    return { tap }
  } finally {
    while (cleanups.length) {
      try {
        await cleanups.pop()()
      } catch {
        // keep restoring the rest
      }
    }
  }
}
