// What the simulator tests share: a recorder of the callbacks a host answers, and the rule specs every simulator
// (any answer after latencyMs, answered as often as told) and every getUserInfo-button host (platforms.md §6) obeys,
// stated once so each host's test file runs them for its own simulator.
import { describe, expect, it, vi } from 'vitest'
import type { HostAnswers, UserChoice } from '../../testing/bridge'
import { scopeUnauthorized } from '../../testing/button-host'

export type Event = readonly ['success' | 'fail' | 'complete', unknown]
export type Call = (options: object) => void
export type Knobs = { answers?: HostAnswers; latencyMs?: number }

export function recorder(extra: object = {}): { options: object; events: Event[] } {
  const events: Event[] = []
  const log = (kind: Event[0]) => (res: unknown) => events.push([kind, res])
  return { options: { ...extra, success: log('success'), fail: log('fail'), complete: log('complete') }, events }
}
const afterHost = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms + 5))
/** Calls once with a recorder and returns what the host answered. */
export async function answersTo(call: Call, extra: object = {}): Promise<Event[]> {
  const { options, events } = recorder(extra)
  call(options)
  await afterHost()
  return events
}
export const first = async (call: Call, extra: object = {}) => (await answersTo(call, extra))[0]
export const ok = (res: object) => ({ ...res, errMsg: 'getUserInfo:ok' })

/** One call per simulator that a well-behaved host answers with success. */
export type SucceedingCall = readonly [string, (knobs: Knobs) => Call]

export function describeAnswering(succeedingCalls: readonly SucceedingCall[]): void {
  it.each(succeedingCalls)('answers %s only after latencyMs, never synchronously', (_name, make) => {
    vi.useFakeTimers()
    const { options, events } = recorder()
    make({ latencyMs: 30 })(options)
    vi.advanceTimersByTime(29)
    expect(events).toEqual([])
    vi.advanceTimersByTime(1)
    expect(events.map(([kind]) => kind)).toEqual(['success', 'complete'])
  })

  it.each(
    succeedingCalls.flatMap(([name, make]) =>
      ([
        ['twice', ['success', 'complete', 'success', 'complete']],
        ['success-then-fail', ['success', 'complete', 'fail', 'complete']],
        ['never', []],
      ] as const).map(([answers, kinds]) => [name, answers, kinds, make] as const),
    ),
  )('answers %s %s when the host is told to', async (_name, answers, kinds, make) => {
    const events = await answersTo(make({ answers }))
    expect(events.map(([kind]) => kind)).toEqual(kinds)
  })
}

export type ButtonScenario = { choice?: UserChoice; authorized?: boolean }
interface ButtonHost {
  pressUserInfoButton(choice?: UserChoice): { detail: unknown }
  readonly authorized: boolean
}
/** A button host with the getUserInfo call under test. */
export const pair = <H extends ButtonHost>(host: H, pick: (host: H) => Call) => ({ host, call: pick(host) })

export interface ButtonHostRow {
  readonly name: string
  create(scenario: ButtonScenario): { host: ButtonHost; call: Call }
  /** getUserInfo's success res once authorised, without errMsg. */
  readonly profile: object
  /** The button event's detail on allow, without errMsg (with the credentials where the button asks for them). */
  readonly buttonProfile: object
  readonly denied: object
}

export function describeButtonHosts(rows: readonly ButtonHostRow[]): void {
  describe.each(rows.map((row) => [row.name, row] as const))('%s simulator (getUserInfo after the button)', (_name, row) => {
    const { create, profile, buttonProfile, denied } = row
    it('fails getUserInfo without a popup before the user was asked, with WeChat\'s "scope unauthorized"', async () => {
      expect(await answersTo(create({}).call)).toEqual([
        ['fail', scopeUnauthorized],
        ['complete', scopeUnauthorized],
      ])
      expect(scopeUnauthorized).toEqual({ errMsg: 'getUserInfo:fail scope unauthorized' })
    })

    it('returns the bindgetuserinfo event with the data on allow, then getUserInfo succeeds', async () => {
      const { host, call } = create({})
      expect(host.pressUserInfoButton('allow')).toEqual({ type: 'getuserinfo', detail: ok(buttonProfile) })
      expect(host.authorized).toBe(true)
      expect(await first(call)).toEqual(['success', ok(profile)])
    })

    it('returns the fail detail on deny, and getUserInfo keeps failing', async () => {
      const { host, call } = create({ choice: 'deny' })
      expect(host.pressUserInfoButton()).toEqual({ type: 'getuserinfo', detail: denied })
      expect(host.authorized).toBe(false)
      expect(await first(call)).toEqual(['fail', denied])
    })

    it('answers the button with the data and no popup once authorised', () => {
      expect(create({ authorized: true }).host.pressUserInfoButton('deny').detail).toEqual(ok(buttonProfile))
    })
  })
}
