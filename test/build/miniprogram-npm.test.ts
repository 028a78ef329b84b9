// Native IDE use without a framework (issue 16, item 3): WeChat's and QQ's "build npm" copy the package's
// "miniprogram" folder to miniprogram_npm/mini-user-profile as it is, following no require, and a page's
// `require('mini-user-profile/wechat')` loads miniprogram_npm/mini-user-profile/wechat.js, or …/wechat/index.js
// (developers.weixin.qq.com/miniprogram/dev/devtools/npm.html). This lays the tree out that way and requires each entry.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { install } from '../../testing/index'
import { ensureBuilt, RUNTIME_ENTRIES } from './dist'

let project = ''
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; miniprogram: string }

beforeAll(() => {
  ensureBuilt()
  project = mkdtempSync(join(tmpdir(), 'mini-user-profile-miniprogram-npm-'))
  // What "build npm" does with a 小程序 npm 包: the whole "miniprogram" folder, copied.
  cpSync(manifest.miniprogram, join(project, 'miniprogram_npm', manifest.name), { recursive: true })
})
afterAll(() => rmSync(project, { recursive: true, force: true }))

/** The file a mini program's `require(specifier)` loads from miniprogram_npm, as the IDE resolves it. */
function resolveLikeTheIde(specifier: string): string {
  const base = join(project, 'miniprogram_npm', specifier)
  for (const file of [`${base}.js`, join(base, 'index.js')]) if (existsSync(file)) return file
  throw new Error(`miniprogram_npm has no ${specifier}`)
}

describe('miniprogram_npm/mini-user-profile, as WeChat and QQ build it', () => {
  it.each(['mini-user-profile', ...RUNTIME_ENTRIES.map((runtime) => `mini-user-profile/${runtime}`), 'mini-user-profile/countries'])(
    'require(%j) loads a self-contained file with its API',
    (specifier) => {
      const file = resolveLikeTheIde(specifier)
      // The tool copies and does not bundle: a require() of anything else would fail in the mini program.
      expect(readFileSync(file, 'utf8')).not.toMatch(/\brequire\(/)
      const loaded = createRequire(import.meta.url)(file) as Record<string, unknown>
      const api = specifier.endsWith('/countries') ? ['resolveCountry'] : ['getUserProfile', 'getLoginCode', 'detectRuntime', 'UserProfileError']
      for (const name of api) expect(typeof loaded[name], `${specifier} ${name}`).toBe('function')
    },
  )

  it("gives a native WeChat page the profile through require('mini-user-profile/wechat'), inside the tap", async () => {
    const wechat = createRequire(import.meta.url)(resolveLikeTheIde('mini-user-profile/wechat')) as typeof import('../../src/entries/wechat')
    const host = install('wechat')
    try {
      const info = await host.tap(() => wechat.getUserProfile())
      expect(info).toMatchObject({ code: '10000', nickName: '微信用户' })
    } finally {
      host.restore()
    }
  })
})
