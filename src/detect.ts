import type { Adapter, HostGlobals } from './adapter.js'
import type { RuntimeName } from './types.js'

/** Every host global the adapters of this build look at, read now, each by the adapter that owns it. */
export function readGlobals(adapters: readonly Adapter[]): HostGlobals {
  const globals: HostGlobals = {}
  for (const adapter of adapters) Object.assign(globals, adapter.readGlobals())
  return globals
}

/**
 * The first adapter whose predicate holds: the entry's list is in detection order. Without `globals`, each adapter
 * is shown the host globals it reads itself, so a call never gathers every global just to detect.
 */
export function findAdapter(adapters: readonly Adapter[], globals?: object): Adapter | undefined {
  for (const adapter of adapters) {
    try {
      if (adapter.detect(globals === undefined ? adapter.readGlobals() : globals)) return adapter
    } catch {
      // a host getter that throws means "not this runtime"
    }
  }
  return undefined
}

export function detectRuntime(adapters: readonly Adapter[], globals?: object): RuntimeName | null {
  const adapter = findAdapter(adapters, globals)
  return adapter ? adapter.runtime : null
}
