// Runs the built mpx WeChat page under WeChat's own component test tool (miniprogram-simulate over j-component), with
// mini-user-profile's simulated WeChat host, in plain Node: taps the page's `.share` button and reports what the page
// shows. miniprogram-simulate, j-component and happy-dom come from the repository root's node_modules (found by walking
// up); mini-user-profile/testing from this directory's node_modules (the installed tarball).
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const require = createRequire(import.meta.url)

/**
 * Puts a happy-dom window's DOM on globalThis, as a DOM test environment does: everything Node lacks, plus the DOM's
 * own event classes (j-component dispatches a `new CustomEvent(…)` on happy-dom elements, which refuse Node's).
 */
function installDom() {
  const { Window } = require('happy-dom')
  const window = new Window({ url: 'http://localhost/' })
  const domEvents = ['Event', 'EventTarget', 'CustomEvent']
  const keys = Object.getOwnPropertyNames(window).filter((key) => !key.startsWith('_') && !(key in globalThis))
  keys.push('window', 'self', 'document', 'navigator', ...domEvents)
  const saved = new Map(keys.map((key) => [key, Object.getOwnPropertyDescriptor(globalThis, key)]))
  for (const key of keys) {
    const value = key === 'window' || key === 'self' ? window : window[key]
    Object.defineProperty(globalThis, key, { configurable: true, writable: true, value })
  }
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, key, descriptor)
      else delete globalThis[key]
    }
    window.happyDOM?.abort?.()
    window.close?.()
  }
}

/** Every `tap` the tool's exparser dispatches runs inside `host.tap`: WeChat's gesture is that synchronous dispatch. */
function tapEventsAreGestures(host) {
  const exparser = createRequire(require.resolve('j-component'))('miniprogram-exparser')
  const events = exparser.Event
  const dispatch = events.dispatchEvent
  events.dispatchEvent = function (target, event) {
    const run = () => Reflect.apply(dispatch, this, [target, event])
    return event.type === 'tap' ? host.tap(run) : run()
  }
  return () => {
    events.dispatchEvent = dispatch
  }
}

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

async function waitFor(read, { timeout = 2000, interval = 10 } = {}) {
  const until = Date.now() + timeout
  for (;;) {
    const value = read()
    if (value) return value
    if (Date.now() > until) throw new Error('timed out waiting for the page to show a result')
    await new Promise((done) => setTimeout(done, interval))
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
    const simulate = require('miniprogram-simulate') // defines global Component, Behavior and its own wx
    const { install } = await import('mini-user-profile/testing')
    const host = install('wechat', { scenario }) // wx + __wxConfig on globalThis, over miniprogram-simulate's wx
    cleanups.push(() => host.restore())
    cleanups.push(tapEventsAreGestures(host))
    const runtime = installAppRuntime()
    cleanups.push(() => runtime.restore())

    cleanups.push(() => {
      for (const file of Object.keys(require.cache)) if (file.startsWith(root)) delete require.cache[file]
    })
    require(join(root, 'app.js')) // App(…) from the build, with its shared bundle.js
    // The official WXML compiler (wcc) runs on x86-64 Linux, macOS and Windows; elsewhere the pure-JS one stands in.
    const compiler = process.platform === 'linux' && process.arch !== 'x64' ? 'simulate' : 'official'
    const id = simulate.load(join(root, 'pages', 'index'), 'index', { compiler, rootPath: root })
    const page = simulate.render(id)
    runtime.pages.push(page.instance)
    const parent = document.createElement('parent-wrapper')
    page.attach(parent)
    cleanups.push(() => page.detach())

    const button = page.querySelector('.share')
    if (!button) throw new Error('no .share button in the rendered page')
    button.dispatchEvent('tap') // the tool queues the dispatch; the handler runs in a later microtask
    const tap = await waitFor(() => page.data.result)
    return { tap }
  } finally {
    while (cleanups.length) {
      try {
        cleanups.pop()()
      } catch {
        // keep restoring the rest
      }
    }
  }
}
