import type { UserProfileError } from './errors.js'
import type { AuthorizeButton, OpenUserInfo, RuntimeName } from './types.js'

/** What the core passes on to a native call, already validated. */
export interface NativeOptions {
  desc?: string
  force?: boolean
}

/** Where an adapter hands the host's raw answers; the core settles once, whatever the host does. */
export interface NativeCallbacks {
  success(nativePayload: unknown): void
  fail(nativePayload: unknown): void
}

/** The host globals one call looks at, by name, as the adapters of the build read them. */
export type HostGlobals = Record<string, unknown>

/**
 * One runtime. The core meets adapters only through this shape, in the order an entry lists them. `R` is the
 * runtime's own name, so the registry (src/runtimes.ts) can derive `RuntimeName` from its adapters.
 */
export interface Adapter<R extends RuntimeName = RuntimeName> {
  readonly runtime: R
  /** Absent where the runtime has no consent control (no client profile API). */
  readonly authorizeButton?: AuthorizeButton
  /** The real profile comes from the fill-in components (`<button open-type="chooseAvatar">`, `<input type="nickname">`). */
  readonly fillIn?: true
  /**
   * The host globals this adapter looks at, by name (e.g. `{ wx, __wxConfig, qq }`), each read with
   * `typeof` at call time: a host may inject them as variables of a module wrapper rather than as properties of the
   * global object, and old engines lack `globalThis`. Only the adapter declares them; the core never names one.
   */
  readGlobals(): HostGlobals
  /** Pure: reads only the globals handed in; may call a documented synchronous getter. */
  detect(globals: object): boolean
  /** The thin I/O step: calls the native API at once (no await before it), or returns why it cannot. */
  request(globals: object, options: NativeOptions, callbacks: NativeCallbacks): UserProfileError | undefined
  /** Total and pure: never throws, never mutates its input. */
  mapSuccess(nativePayload: unknown): OpenUserInfo | UserProfileError
  mapFailure(nativePayload: unknown): UserProfileError
  /** The localized country *name* in a success payload, for the caller's `resolveCountry`. */
  readCountryName?(nativePayload: unknown): string | undefined
  /** Recognises this runtime's documented placeholder profile (anonymised or masked data). */
  isPlaceholder?(nickName: string, avatar: string): boolean
}
