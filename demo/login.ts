// The playground's "Log in" control: getLoginCode() on the selected host, its answer shown as JSON (the resolved
// LoginCode, or the error's code and message). A login code is single use: each press asks the host again.
import { getLoginCode, isUserProfileError, type GetLoginCodeOptions, type RuntimeName } from '../src/index'

/** The options a page passes on this runtime: DingTalk needs the organisation's corpId (a demo one here). */
export function loginOptionsFor(runtime: RuntimeName, timeout: number | undefined): GetLoginCodeOptions {
  return runtime === 'dingtalk' ? { runtime, timeout, corpId: 'ding-playground-corp' } : { runtime, timeout }
}

/** What the page shows: the LoginCode, or `{ code, message }` of the error. */
export function loginResultText(outcome: unknown): string {
  if (isUserProfileError(outcome)) return JSON.stringify({ code: outcome.code, message: outcome.message }, null, 2)
  return JSON.stringify(outcome, null, 2)
}

export interface LoginControls {
  /** Prepares the selected host (installs the simulator, or configures the mock) and says which runtime to use. */
  prepare(): RuntimeName
  timeout(): number | undefined
}

export function wireLogin(button: HTMLButtonElement, output: HTMLElement, controls: LoginControls): void {
  let press = 0
  button.addEventListener('click', () => {
    const mine = ++press
    output.textContent = 'Waiting for the host…'
    const runtime = controls.prepare()
    // Only the latest press writes, so a slow earlier answer never overwrites a newer one.
    const show = (outcome: unknown) => {
      if (mine === press) output.textContent = loginResultText(outcome)
    }
    getLoginCode(loginOptionsFor(runtime, controls.timeout())).then(show, show)
  })
}
