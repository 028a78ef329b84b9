import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ensureBuilt } from './build/dist'

function typecheck(project: string): string {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { encoding: 'utf8' })
    return ''
  } catch (error) {
    return String((error as { stdout?: string }).stdout)
  }
}

describe('published types', () => {
  it('compile in strict ESM and CommonJS consumers under node16 resolution', () => {
    ensureBuilt()
    expect(typecheck('test/consumers/tsconfig.json')).toBe('')
  }, 60_000)

  it('declare no host globals and reference no typings packages', () => {
    ensureBuilt()
    const files = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((file) => /\.d\.[mc]?ts$/.test(file))
    expect(files.length).toBeGreaterThan(8)
    for (const file of files) {
      const text = readFileSync(`dist/${file}`, 'utf8')
      // A mention in a doc comment is fine; an import, a reference or a global declaration is not.
      expect(text, file).not.toMatch(/reference types=|(from|import)\s*\(?\s*['"](miniprogram-api-typings|@mini-types)|declare global|WechatMiniprogram\./)
    }
  })
})
