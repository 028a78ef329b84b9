import { readHostValue } from './normalize.js'

// The host globals that adapters look for. Read with `typeof` because a host may inject them as
// variables of a module wrapper rather than as properties of the global object, and old engines lack `globalThis`.
declare const my: unknown
declare const dd: unknown
declare const tt: unknown
declare const qq: unknown
declare const swan: unknown
declare const ks: unknown
declare const jd: unknown
declare const xhs: unknown
declare const wx: unknown
declare const __wxConfig: unknown
declare const window: unknown
declare const document: unknown

/** A plain snapshot of the host globals, taken at call time (never at import). */
export function readHostGlobals(): object {
  return {
    my: typeof my === 'undefined' ? undefined : my,
    dd: typeof dd === 'undefined' ? undefined : dd,
    tt: typeof tt === 'undefined' ? undefined : tt,
    qq: typeof qq === 'undefined' ? undefined : qq,
    swan: typeof swan === 'undefined' ? undefined : swan,
    ks: typeof ks === 'undefined' ? undefined : ks,
    jd: typeof jd === 'undefined' ? undefined : jd,
    xhs: typeof xhs === 'undefined' ? undefined : xhs,
    wx: typeof wx === 'undefined' ? undefined : wx,
    __wxConfig: typeof __wxConfig === 'undefined' ? undefined : __wxConfig,
    window: typeof window === 'undefined' ? undefined : window,
    document: typeof document === 'undefined' ? undefined : document,
  }
}

/** Which of the host globals exist, for error messages that say what was seen. */
export function listHostGlobals(globals: object): string[] {
  const seen: string[] = []
  for (const key of ['my', 'dd', 'tt', 'qq', 'swan', 'ks', 'jd', 'xhs', 'wx', 'window']) {
    if (readHostValue(globals, key) !== undefined) seen.push(key)
  }
  return seen
}
