import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureBuilt, RUNTIME_ENTRIES } from './build/dist'

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

  it('compile in a consumer of every subpath under moduleResolution "node" (Taro\'s and uni-app\'s templates)', () => {
    ensureBuilt()
    // A project with the package installed (a symlink, as after npm install): node10 has no self-reference, and it
    // ignores "exports", so the subpaths resolve through "typesVersions" or not at all.
    const project = mkdtempSync(join(tmpdir(), 'mini-user-profile-node10-'))
    try {
      mkdirSync(join(project, 'node_modules'))
      symlinkSync(resolve('.'), join(project, 'node_modules', 'mini-user-profile'), 'dir')
      const lines = [
        "import { getUserProfile, type OpenUserInfo } from 'mini-user-profile'",
        "import { resolveCountry } from 'mini-user-profile/countries'",
        "import { install } from 'mini-user-profile/testing'",
        ...RUNTIME_ENTRIES.map((runtime, index) => `import { getUserProfile as get${index}, getLoginCode as login${index} } from 'mini-user-profile/${runtime}'`),
        'export const calls: Promise<OpenUserInfo>[] = [getUserProfile(), ' + RUNTIME_ENTRIES.map((_, index) => `get${index}()`).join(', ') + ']',
        'export const logins = [' + RUNTIME_ENTRIES.map((_, index) => `login${index}()`).join(', ') + ']',
        "export const code: string = resolveCountry('中国')",
        "export const host = install('wechat', { globals: {} })",
      ]
      writeFileSync(join(project, 'consumer.ts'), lines.join('\n') + '\n')
      const compilerOptions = { target: 'ES2017', lib: ['ES2017'], module: 'CommonJS', moduleResolution: 'node', strict: true, noEmit: true, types: [] }
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }))
      expect(typecheck(join(project, 'tsconfig.json'))).toBe('')
    } finally {
      rmSync(project, { recursive: true, force: true })
    }
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
