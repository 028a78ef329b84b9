// @vitest-environment happy-dom
// A real WeChat custom component (./profile-card), loaded, rendered and tapped with WeChat's own component test
// tool (miniprogram-simulate over j-component), with the project's WeChat simulator as the host. The component
// requires the built dist/wechat.cjs, so this checks the shipped bundle inside WeChat's component model.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as simulate from 'miniprogram-simulate'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { install, type Scenario, type SimulatedHost } from '../../testing/index'
import { ensureBuilt } from '../build/dist'

// A path, not `new URL(…)`: under happy-dom the global URL is the DOM's.
const componentPath = join(dirname(fileURLToPath(import.meta.url)), 'profile-card', 'index')
const DESC = 'Show your name on your card' // the component's own desc (profile-card/index.js)
// The official WXML compiler is WeChat's wcc binary, shipped inside miniprogram-compiler for x86-64 Linux, macOS and
// Windows only; elsewhere (e.g. arm64 Linux CI) the tool's pure-JS template compiler stands in.
const compiler = process.platform === 'linux' && process.arch !== 'x64' ? 'simulate' : 'official'

// j-component's exparser, the event system that calls `bindtap` handlers. Resolved from j-component so it is the
// very instance the tool uses.
interface ExparserEvents {
  Event: { dispatchEvent(target: unknown, event: { type: string }): unknown }
}
const requireFromTool = createRequire(createRequire(import.meta.url).resolve('j-component'))
const exparser = requireFromTool('miniprogram-exparser') as ExparserEvents

/**
 * In WeChat the user's tap is a gesture for exactly the synchronous run of the `tap` event's dispatch to its
 * handlers. j-component's `dispatchEvent('tap')` (and its touchstart/touchend → tap) only queues that dispatch in a
 * microtask, so wrapping the test's `dispatchEvent` call in `host.tap` would close the gesture before any handler
 * runs. Instead every `tap` event the tool's exparser dispatches runs inside `host.tap`, as WeChat's framework does.
 */
function tapEventsAreGestures(host: SimulatedHost): () => void {
  const events = exparser.Event
  const dispatch = events.dispatchEvent
  events.dispatchEvent = function (this: unknown, target, event) {
    const run = () => Reflect.apply(dispatch, this, [target, event])
    return event.type === 'tap' ? host.tap(run) : run()
  }
  return () => {
    events.dispatchEvent = dispatch
  }
}

const cleanups: (() => void)[] = []

afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

/** Installs the WeChat simulator, wires taps to it, then loads, renders and attaches the component. */
function mountProfileCard(scenario: Scenario, { wireTaps = true } = {}) {
  const host = install('wechat', { scenario }) // wx + __wxConfig on globalThis, over miniprogram-simulate's own wx
  cleanups.push(() => host.restore())
  if (wireTaps) cleanups.push(tapEventsAreGestures(host))

  const id = simulate.load(componentPath, 'profile-card', { compiler })
  const card = simulate.render(id)
  const parent = document.createElement('parent-wrapper')
  card.attach(parent)
  cleanups.push(() => card.detach())

  const text = (selector: string) => card.querySelector(selector)?.dom?.textContent?.trim() ?? ''
  return {
    host,
    card,
    /** Presses a button the way the tool does it; the handler runs in a later microtask. */
    press(selector: string) {
      const button = card.querySelector(selector)
      if (!button) throw new Error(`no ${selector} in the rendered component`)
      button.dispatchEvent('tap')
    },
    /** Waits until the component shows the profile's nickname or an error code. */
    async shown() {
      await vi.waitFor(() => expect(text('.nickname') || text('.error')).not.toBe(''))
      return { nickName: text('.nickname'), errorCode: text('.error') }
    },
    profileCalls: () => host.calls.filter((call) => call.api === 'getUserProfile'),
  }
}

beforeAll(() => {
  ensureBuilt()
  if (!existsSync('dist/wechat.cjs')) throw new Error('dist/wechat.cjs is missing: run `node build.mjs`')
})

describe('a WeChat custom component calling getUserProfile() from dist/wechat.cjs, under miniprogram-simulate', () => {
  it('renders the button and nothing else before the tap', () => {
    const { card, profileCalls } = mountProfileCard('grant')
    expect(card.querySelector('.share')).toBeTruthy()
    expect(card.querySelector('.nickname')).toBeUndefined()
    expect(card.querySelector('.error')).toBeUndefined()
    expect(profileCalls()).toEqual([])
  })

  it('a tap on the button gets the profile: the call stays inside the gesture', async () => {
    const { press, shown, profileCalls, card } = mountProfileCard('grant')
    press('.share')
    // The default grant shares WeChat's anonymised profile (base library versions after 2022-11-08).
    expect(await shown()).toEqual({ nickName: '微信用户', errorCode: '' })
    expect(card.data).toMatchObject({ nickName: '微信用户', errorCode: '' })
    expect(profileCalls()).toHaveLength(1)
    expect(profileCalls()[0]?.options).toMatchObject({ desc: DESC })
  })

  it('the user rejects the popup: the component shows USER_DENIED', async () => {
    const { press, shown, profileCalls } = mountProfileCard('deny')
    press('.share')
    expect(await shown()).toEqual({ nickName: '', errorCode: 'USER_DENIED' })
    expect(profileCalls()).toHaveLength(1)
    expect(profileCalls()[0]?.options).toMatchObject({ desc: DESC })
  })

  it('a handler that awaits before calling is outside the gesture: NOT_USER_GESTURE', async () => {
    // The control for the tests above: the wiring does enforce the gesture, so their success shows the library
    // itself reaches wx.getUserProfile synchronously, with no await of its own before the native call.
    const { press, shown, profileCalls, host } = mountProfileCard('grant')
    press('.share-late')
    expect(await shown()).toEqual({ nickName: '', errorCode: 'NOT_USER_GESTURE' })
    expect(profileCalls()).toHaveLength(1)
    expect(host.answers).toEqual([
      expect.objectContaining({ callback: 'fail', payload: expect.objectContaining({ errMsg: expect.stringContaining('TAP gesture') }) }),
    ])
  })

  it('why taps are wired in exparser: host.tap around the tool\'s dispatchEvent closes before the handler runs', async () => {
    const { card, host, shown } = mountProfileCard('grant', { wireTaps: false })
    host.tap(() => card.querySelector('.share')?.dispatchEvent('tap'))
    expect(await shown()).toEqual({ nickName: '', errorCode: 'NOT_USER_GESTURE' })
  })

  it('a real touch (touchstart, touchend) makes the tool fire the tap, which gets the profile', async () => {
    const { card, shown, profileCalls } = mountProfileCard('grant')
    const button = card.querySelector('.share')
    button?.dispatchEvent('touchstart')
    button?.dispatchEvent('touchend')
    expect(await shown()).toEqual({ nickName: '微信用户', errorCode: '' })
    expect(profileCalls()).toHaveLength(1)
  })
})
