import type { Adapter, HostGlobals } from './adapter.js'
import type { RuntimeName } from './types.js'

/** The host globals the adapters of this build look at, read now, each by the adapter that owns it. */
export function readGlobals(adapters: readonly Adapter[]): HostGlobals {
  const globals: HostGlobals = {}
  for (const adapter of adapters) adapter.readGlobals(globals)
  return globals
}

/** The first adapter whose predicate holds for `globals`: the entry's list is in detection order. */
export function findAdapter(adapters: readonly Adapter[], globals: object): Adapter | undefined {
  for (const adapter of adapters) {
    try {
      if (adapter.detect(globals)) return adapter
    } catch {
      // a host getter that throws means "not this runtime"
    }
  }
  return undefined
}

export function detectRuntime(adapters: readonly Adapter[], globals: object = readGlobals(adapters)): RuntimeName | null {
  const adapter = findAdapter(adapters, globals)
  return adapter ? adapter.runtime : null
}
