// Readers of the host globals adapters look for, one each so a bundle keeps only those its adapters read. They use
// `typeof` because a host may inject them as variables of a module wrapper rather than as properties of the global
// object, and old engines lack `globalThis`. Called at call time, never at import.
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

/** Which host globals exist, whatever the adapters of this build read: for the message of an `UNSUPPORTED` error. */
export function listHostGlobals(): string[] {
  const seen = [
    typeof my !== 'undefined' && 'my',
    typeof dd !== 'undefined' && 'dd',
    typeof tt !== 'undefined' && 'tt',
    typeof qq !== 'undefined' && 'qq',
    typeof swan !== 'undefined' && 'swan',
    typeof ks !== 'undefined' && 'ks',
    typeof jd !== 'undefined' && 'jd',
    typeof xhs !== 'undefined' && 'xhs',
    typeof wx !== 'undefined' && 'wx',
    typeof window !== 'undefined' && 'window',
  ]
  return seen.filter((name): name is string => !!name)
}
