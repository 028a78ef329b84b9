// The Taro WeChat build's page under miniprogram-simulate (WeChat's component test tool, over j-component), with
// mini-user-profile's testing kit as the host: load app.js, launch the app, mount pages/index/index, tap the button
// the way the tool does (dispatchEvent('tap')) and read what the page shows. Plain Node, no test runner:
//   node -e "import('./simulate.mjs').then((m) => m.runWechatPage('dist/weapp')).then(console.log)"
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { installDom, loadTool, tapEventsAreGestures, waitFor, wechatCompiler } from '../simulate-shared.mjs'

const require = createRequire(import.meta.url)

/** Taro registers its pages with Page(); j-component knows Component() only: lifecycles become lifetimes. */
function pageAsComponent(route, pages) {
  return (options) => {
    const { data, ...rest } = options
    const methods = {}
    const fields = {}
    for (const [key, value] of Object.entries(rest)) (typeof value === 'function' ? methods : fields)[key] = value
    globalThis.Component({
      data,
      methods,
      lifetimes: {
        created() {
          Object.assign(this, fields, { route, __route__: route })
        },
        attached() {
          pages.push(this)
          this.onLoad?.({})
          this.onShow?.()
        },
        ready() {
          this.onReady?.()
        },
        detached() {
          this.onUnload?.()
          pages.splice(pages.indexOf(this), 1)
        },
      },
    })
  }
}

/** Runs the page of the WeChat build in `outputDir`, taps `.share` and returns `{ tap: <nickName or error code> }`. */
export async function runWechatPage(outputDir) {
  const root = resolve(outputDir)
  const undoDom = installDom()
  // The tool (from this project's node_modules, else the repository's) and the very exparser instance it uses.
  const { simulate, exparser } = loadTool(require)

  // The kit's simulated WeChat: wx + __wxConfig on globalThis, over the tool's own wx.
  const { install } = await import('mini-user-profile/testing')
  const host = install('wechat', { scenario: 'grant' })
  const untap = tapEventsAreGestures(exparser, host)

  // The app-level globals Taro's runtime uses, then app.js, which calls App(), launched before any page.
  const pages = []
  let app
  const previous = { App: globalThis.App, getApp: globalThis.getApp, getCurrentPages: globalThis.getCurrentPages, Page: globalThis.Page }
  globalThis.App = (options) => {
    app = options
  }
  globalThis.getApp = () => app
  globalThis.getCurrentPages = () => pages.slice()
  globalThis.Page = pageAsComponent('pages/index/index', pages)

  let page
  try {
    require(join(root, 'app.js'))
    if (!app) throw new Error(`${root}/app.js did not call App()`)
    const launch = { path: 'pages/index/index', query: {}, scene: 1001 }
    app.onLaunch?.(launch)
    app.onShow?.(launch)

    // The page with its usingComponents (Taro's comp); WeChat's official WXML compiler sees the whole output
    // (the page imports ../../base.wxml), except where it has no binary (arm64 Linux): the tool's JS compiler.
    const id = simulate.load(join(root, 'pages', 'index', 'index'), 'page', { compiler: wechatCompiler(), rootPath: root })
    page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))

    const button = await waitFor(() => page.querySelector('.share'), 'the page to render .share')
    button.dispatchEvent('tap') // the tool's tap: its handler runs in a later microtask, inside host.tap
    const text = () => page.querySelector('.result')?.dom?.textContent?.trim() ?? ''
    return { tap: await waitFor(text, 'the page to show .result') }
  } finally {
    page?.detach()
    untap()
    host.restore()
    Object.assign(globalThis, previous)
    await undoDom()
  }
}
