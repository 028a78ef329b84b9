// The registry's runtime names, in detection order, for the build and the generators: src/runtimes.ts is bundled in
// memory with esbuild and evaluated, so the names are read from the one list rather than written here again.
// Also the package's entries: the root, one per runtime, then the standalone modules.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const REGISTRY = fileURLToPath(new URL('../src/runtimes.ts', import.meta.url))

/** `adapters.map((adapter) => adapter.runtime)` of src/runtimes.ts. */
export async function readRuntimeNames() {
  const result = await build({ entryPoints: [REGISTRY], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' })
  const registry = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`)
  return registry.adapters.map((adapter) => adapter.runtime)
}

/** Entries that are a module of their own rather than the core wired with adapters, and their sources. */
export const STANDALONE_ENTRIES = [
  ['countries', 'src/countries.ts'],
  ['testing', 'testing/index.ts'],
]

/** `[entry, source]` of every entry of the package, in `exports` order, for `runtimes` from readRuntimeNames. */
export function entrySources(runtimes) {
  return [['index', 'src/index.ts'], ...runtimes.map((runtime) => [runtime, `src/entries/${runtime}.ts`]), ...STANDALONE_ENTRIES]
}
