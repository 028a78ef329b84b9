import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { ENTRIES, ensureBuilt } from './dist'

let files: string[] = []

beforeAll(() => {
  ensureBuilt()
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }))
  files = packed.files.map((file: { path: string }) => file.path)
}, 60_000)

describe('npm pack', () => {
  it('ships the builds, their declarations, the README, the licence and nothing else', () => {
    for (const file of files) expect(file, file).toMatch(/^(dist\/|package\.json$|README\.md$|LICENSE$)/)
    for (const entry of [...ENTRIES, 'testing']) {
      for (const extension of ['mjs', 'cjs', 'd.mts', 'd.cts']) expect(files).toContain(`dist/${entry}.${extension}`)
    }
    expect(files).toContain('dist/miniprogram/index.js')
  })

  it('ships no tests, no sources, no source maps', () => {
    expect(files.filter((file) => /(^|\/)test\/|\.map$|(?<!\.d)\.(ts|mts|cts)$/.test(file))).toEqual([])
  })
})
