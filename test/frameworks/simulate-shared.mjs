// What the framework projects' simulate.mjs share: a DOM for miniprogram-simulate in plain Node, WeChat's tap rule on
// the tool's event system, and small waits. Each project passes its own `require`, so the tool it loads (Taro's
// node_modules has one of its own) is the one whose exparser is wrapped.
import { createRequire } from 'node:module'
import { dirname } from 'node:path'

const require = createRequire(import.meta.url)

/**
 * Puts a happy-dom window's globals on globalThis the way a DOM test environment does; returns the undo. Node's own
 * globals are kept, except the DOM event classes: j-component dispatches `new CustomEvent(…)` on happy-dom elements,
 * which refuse Node's events.
 */
export function installDom() {
  const { Window } = require('happy-dom')
  const window = new Window({ url: 'http://localhost/' })
  const saved = new Map()
  const define = (key, value) => {
    saved.set(key, Object.getOwnPropertyDescriptor(globalThis, key))
    Object.defineProperty(globalThis, key, { value, configurable: true, writable: true, enumerable: false })
  }
  define('window', window)
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key === 'window' || key === 'globalThis' || key === 'self' || key === 'constructor') continue
    const domEvent = /^(Event|EventTarget|CustomEvent|[A-Za-z]+Event)$/.test(key)
    if (key in globalThis && !domEvent) continue
    let value
    try {
      value = window[key]
    } catch {
      continue
    }
    if (value === undefined) continue
    define(key, typeof value === 'function' && !/^[A-Z]/.test(key) ? value.bind(window) : value)
  }
  return async () => {
    for (const [key, descriptor] of [...saved].reverse()) {
      if (descriptor) Object.defineProperty(globalThis, key, descriptor)
      else delete globalThis[key]
    }
    await window.happyDOM.abort()
    window.close()
  }
}

/** miniprogram-simulate as `projectRequire` resolves it, and the very exparser instance its j-component uses. */
export function loadTool(projectRequire) {
  const simulate = projectRequire('miniprogram-simulate')
  const fromTool = createRequire(projectRequire.resolve('j-component', { paths: [dirname(projectRequire.resolve('miniprogram-simulate'))] }))
  return { simulate, exparser: fromTool('miniprogram-exparser') }
}

/**
 * In WeChat the user's tap is a gesture for exactly the synchronous run of the `tap` event's dispatch to its
 * handlers; j-component's `dispatchEvent('tap')` only queues that dispatch in a microtask. So every `tap` the tool's
 * exparser dispatches runs inside `host.tap`, as WeChat's framework does (test/wechat-component). Returns the undo.
 */
export function tapEventsAreGestures(exparser, host) {
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

/** WeChat's wcc compiler (miniprogram-compiler) on x86-64 Linux, macOS and Windows; the tool's pure-JS one elsewhere. */
export const wechatCompiler = () => (process.platform === 'linux' && process.arch !== 'x64' ? 'simulate' : 'official')

/** Polls `read` until it gives something truthy, for at most `timeout` ms. */
export async function waitFor(read, what, timeout = 5000) {
  const started = Date.now()
  for (;;) {
    const value = read()
    if (value) return value
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 10))
  }
}
