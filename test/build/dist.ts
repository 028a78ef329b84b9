import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { adapters } from '../../src/runtimes'

/** Every runtime of the registry, in detection order: each is also an entry, `mini-user-profile/<runtime>`. */
export const RUNTIME_ENTRIES = adapters.map((adapter) => adapter.runtime)
export const ENTRIES = ['index', ...RUNTIME_ENTRIES, 'countries'] as const

/** `npm test` builds first; a lone `vitest run` builds here so these tests never read a missing dist. */
export function ensureBuilt(): void {
  if (!existsSync('dist/index.mjs') || !existsSync('dist/types/cjs/src/index.d.ts')) {
    execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' })
  }
}
