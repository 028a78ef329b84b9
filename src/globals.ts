// The host globals adapters look for, one reader each so a bundle keeps those its adapters read. They use `typeof`
// because a host may inject them as variables of a module wrapper rather than as properties of the global object,
// and old engines lack `globalThis`. Read at call time, never at import.
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

export const readMy = () => (typeof my === 'undefined' ? undefined : my)
export const readDd = () => (typeof dd === 'undefined' ? undefined : dd)
export const readTt = () => (typeof tt === 'undefined' ? undefined : tt)
export const readQq = () => (typeof qq === 'undefined' ? undefined : qq)
export const readSwan = () => (typeof swan === 'undefined' ? undefined : swan)
export const readKs = () => (typeof ks === 'undefined' ? undefined : ks)
export const readJd = () => (typeof jd === 'undefined' ? undefined : jd)
export const readXhs = () => (typeof xhs === 'undefined' ? undefined : xhs)
export const readWx = () => (typeof wx === 'undefined' ? undefined : wx)
export const readWxConfig = () => (typeof __wxConfig === 'undefined' ? undefined : __wxConfig)
export const readWindow = () => (typeof window === 'undefined' ? undefined : window)
export const readDocument = () => (typeof document === 'undefined' ? undefined : document)

/**
 * Every host global at once, for the every-runtime build and for error messages that say what was seen. A runtime
 * entry reads only its adapter's few (Adapter.readGlobals): a `typeof` of a missing global is a slow lookup.
 */
export function readHostGlobals(): Record<string, unknown> {
  return {
    my: readMy(),
    dd: readDd(),
    tt: readTt(),
    qq: readQq(),
    swan: readSwan(),
    ks: readKs(),
    jd: readJd(),
    xhs: readXhs(),
    wx: readWx(),
    __wxConfig: readWxConfig(),
    window: readWindow(),
    document: readDocument(),
  }
}
