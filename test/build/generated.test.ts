// Every file scripts/generate-entries.mjs writes from the registry must be committed as it would write it now.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generatedFiles } from '../../scripts/generate-entries.mjs'
import { RUNTIME_ENTRIES } from './dist'

const files = await generatedFiles()

describe('files generated from the registry (node scripts/generate-entries.mjs)', () => {
  it.each([...files.keys()])('%s is fresh', (path) => {
    expect(readFileSync(path, 'utf8'), `${path} is stale: run node scripts/generate-entries.mjs`).toBe(files.get(path))
  })

  it('src/entries holds one module per runtime of the registry and nothing else', () => {
    expect(readdirSync('src/entries').sort()).toEqual(RUNTIME_ENTRIES.map((runtime) => `${runtime}.ts`).sort())
  })

  it('package.json exports a subpath per runtime, and a root condition per mini program runtime', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'))
    for (const runtime of RUNTIME_ENTRIES) expect(manifest.exports[`./${runtime}`], runtime).toBeDefined()
    // The `browser` condition is set by web bundlers by default: the mock must never replace detection there.
    expect(Object.keys(manifest.exports['.'])).toEqual([...RUNTIME_ENTRIES.filter((runtime) => runtime !== 'browser'), 'import', 'require'])
  })
})
