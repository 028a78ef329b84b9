import { parse } from 'acorn'
import { build } from 'esbuild'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMy } from '../../testing/my'
import { createWx } from '../../testing/wx'
import { adapters } from '../../src/runtimes'
import { ENTRIES, RUNTIME_ENTRIES, ensureBuilt } from './dist'

// Each adapter object declares its runtime; the core never names one, so this string tells which adapters a
// (non-minified) bundle holds.
const markerOf = (runtime: string) => `runtime: "${runtime}"`

// Built-ins newer than ES2015 that esbuild would not lower, and dynamic code the mini program engines forbid.
const forbidden = [
  /Object\.hasOwn\b/, /\.at\(/, /\.replaceAll\(/, /\bTextEncoder\b/, /\beval\(/, /new Function\b/, /\.includes\(/,
  /Object\.(entries|values|fromEntries|getOwnPropertyDescriptors)\b/, /\.padStart\(|\.padEnd\(/, /\.flat(Map)?\(/,
  /Promise\.(allSettled|any)\b/, /\bglobalThis\b/, /\brequire\(/, /^import\s/m,
]

let consumerDir = ''

/** The host globals an adapter reads, by name: what its readGlobals writes. */
function globalsOf(runtime: string): string[] {
  return Object.keys(adapters.find((adapter) => adapter.runtime === runtime)!.readGlobals())
}

async function bundleConsumer(source: string, options: Parameters<typeof build>[0] = {}): Promise<string> {
  const entry = join(consumerDir, `consumer-${Math.random().toString(36).slice(2)}.mjs`)
  writeFileSync(entry, source)
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', target: 'es2015', ...options })
  return result.outputFiles![0]!.text
}

afterAll(() => {
  // The temp project and its symlink go; rmSync removes the link itself, not the repository it points to.
  if (consumerDir) rmSync(consumerDir, { recursive: true, force: true })
})

beforeAll(() => {
  ensureBuilt()
  // A consumer project whose node_modules holds this package, resolved through its "exports" like any install.
  consumerDir = mkdtempSync(join(tmpdir(), 'mini-user-profile-consumer-'))
  mkdirSync(join(consumerDir, 'node_modules'))
  symlinkSync(resolve('.'), join(consumerDir, 'node_modules', 'mini-user-profile'), 'dir')
})

describe('per-runtime bundles', () => {
  it.each(RUNTIME_ENTRIES)('a consumer of mini-user-profile/%s contains that adapter only', async (runtime) => {
    const code = await bundleConsumer(`import { getUserProfile } from 'mini-user-profile/${runtime}'\ngetUserProfile()\n`)
    for (const other of RUNTIME_ENTRIES) expect(code.includes(markerOf(other)), `${runtime} bundle vs ${other}`).toBe(other === runtime)
    // Nor does it read another runtime's host globals, not even to name them in its UNSUPPORTED message.
    const own = globalsOf(runtime)
    const foreign = RUNTIME_ENTRIES.flatMap((other) => globalsOf(other)).filter((name) => own.indexOf(name) === -1)
    for (const name of foreign) expect(code, `${runtime} bundle reads ${name}`).not.toMatch(new RegExp(`typeof ${name}\\b`))
    for (const name of own) expect(code, `${runtime} bundle reads ${name}`).toMatch(new RegExp(`typeof ${name}\\b`))
  })

  it('the README esbuild recipe swaps the root entry for one runtime and leaves subpaths alone', async () => {
    const onlyWechat = {
      name: 'mini-user-profile-runtime',
      setup(pluginBuild: import('esbuild').PluginBuild) {
        pluginBuild.onResolve({ filter: /^mini-user-profile$/ }, (args) =>
          pluginBuild.resolve('mini-user-profile/wechat', { kind: args.kind, resolveDir: args.resolveDir }))
      },
    }
    const code = await bundleConsumer(
      `import { getUserProfile } from 'mini-user-profile'\nimport { detectRuntime } from 'mini-user-profile/alipay'\ngetUserProfile(); detectRuntime()\n`,
      { plugins: [onlyWechat] },
    )
    for (const runtime of RUNTIME_ENTRIES) expect(code.includes(markerOf(runtime)), runtime).toBe(runtime === 'wechat' || runtime === 'alipay')
  })

  it("ships the browser mock's consent dialog only to consumers that call configureMock", async () => {
    const dialogMarker = 'data-mini-user-profile-consent'
    const plain = await bundleConsumer(`import { getUserProfile } from 'mini-user-profile/browser'\ngetUserProfile()\n`)
    expect(plain).toContain(markerOf('browser'))
    expect(plain).not.toContain(dialogMarker)
    const prompting = await bundleConsumer(
      `import { configureMock, getUserProfile } from 'mini-user-profile/browser'\nconfigureMock({ prompt: true })\ngetUserProfile()\n`,
    )
    expect(prompting).toContain(dialogMarker)
  })

  it('a consumer of the root entry contains every adapter', async () => {
    const code = await bundleConsumer(`import { getUserProfile } from 'mini-user-profile'\ngetUserProfile()\n`)
    for (const runtime of RUNTIME_ENTRIES) expect(code).toContain(markerOf(runtime))
  })

  it.each(ENTRIES)('importing %s for nothing leaves nothing: no work at module scope', async (entry) => {
    const specifier = entry === 'index' ? 'mini-user-profile' : `mini-user-profile/${entry}`
    // ignoreAnnotations also ignores "sideEffects": false, so only truly pure module scopes vanish.
    const code = await bundleConsumer(`import '${specifier}'\n`, { minify: true, ignoreAnnotations: true })
    expect(code.trim()).toBe('')
  })
})

// What only the login code holds: its APIs' names as strings (the profile's advice may name them in prose) and its own messages (src/login.ts, src/login-code.ts).
const LOGIN_MARKERS = ['"getAuthCode"', '"requestAccess"', '"login", {}', 'scopeList', 'auth_base', 'no login code', 'mock-login-code']

describe('getLoginCode is a separate export (issue 14)', () => {
  it.each(['mini-user-profile', ...RUNTIME_ENTRIES.map((runtime) => `mini-user-profile/${runtime}`)])('a getUserProfile-only consumer of %s bundles none of it', async (specifier) => {
    const code = await bundleConsumer(`import { getUserProfile } from '${specifier}'\ngetUserProfile()\n`)
    for (const marker of LOGIN_MARKERS) expect(code, `${specifier} holds ${marker}`).not.toContain(marker)
  })

  it.each(['wechat', 'alipay', 'douyin'])('a getLoginCode-only consumer of mini-user-profile/%s holds its own login only', async (runtime) => {
    const code = await bundleConsumer(`import { getLoginCode } from 'mini-user-profile/${runtime}'\ngetLoginCode()\n`)
    expect(code).toContain('no login code')
    for (const other of RUNTIME_ENTRIES) expect(code.includes(markerOf(other)), `${runtime} bundle vs ${other}`).toBe(other === runtime)
  })
})

describe('dist files', () => {
  it.each(ENTRIES.flatMap((entry) => [`${entry}.mjs`, `${entry}.cjs`]))('%s is ES2015 with ES2015 built-ins and no imports', (file) => {
    const code = readFileSync(`dist/${file}`, 'utf8')
    expect(() => parse(code, { ecmaVersion: 2015, sourceType: file.endsWith('.mjs') ? 'module' : 'script' })).not.toThrow()
    for (const pattern of forbidden) expect(code, String(pattern)).not.toMatch(pattern)
  })

  it.each(RUNTIME_ENTRIES)('the %s build loads through import and require with the same API', async (entry) => {
    const esm: Record<string, unknown> = await import(pathToFileURL(resolve(`dist/${entry}.mjs`)).href)
    const cjs: Record<string, unknown> = createRequire(import.meta.url)(resolve(`dist/${entry}.cjs`))
    const api = ['getUserProfile', 'getOpenUserInfo', 'detectRuntime', 'getAuthorizeButton', 'fromAuthorizeError', 'fromUserInfoEvent', 'isPlaceholderProfile', 'configureMock', 'UserProfileError']
    for (const name of api) {
      expect(typeof esm[name], name).toBe('function')
      expect(typeof cjs[name], name).toBe('function')
    }
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).filter((key) => key !== 'default').sort())
  })

  it('the countries entry resolves names through import and require, and holds no adapter', async () => {
    const esm = await import(pathToFileURL(resolve('dist/countries.mjs')).href)
    const cjs = createRequire(import.meta.url)(resolve('dist/countries.cjs'))
    expect(Object.keys(esm)).toEqual(['resolveCountry'])
    expect(esm.resolveCountry('中国')).toBe('CN')
    expect(cjs.resolveCountry('United States')).toBe('US')
    const code = readFileSync('dist/countries.mjs', 'utf8')
    for (const runtime of RUNTIME_ENTRIES) expect(code).not.toContain(markerOf(runtime))
  })

  it('the alipay build resolves the profile from the my simulator', async () => {
    const sim = createMy()
    sim.pressAuthorizeButton()
    vi.stubGlobal('my', sim.my)
    const { getUserProfile } = await import(pathToFileURL(resolve('dist/alipay.mjs')).href)
    await expect(getUserProfile()).resolves.toMatchObject({ code: '10000', gender: 'F', nationality: 'US' })
  })

  it('the wechat build (CommonJS) resolves the profile inside a simulated tap', async () => {
    const sim = createWx()
    vi.stubGlobal('wx', sim.wx)
    vi.stubGlobal('__wxConfig', sim.wxConfig)
    const { getUserProfile } = createRequire(import.meta.url)(resolve('dist/wechat.cjs'))
    await expect(sim.tap(() => getUserProfile())).resolves.toMatchObject({ code: '10000', nickName: '微信用户' })
  })

  it('a runtime build refuses another host with UNSUPPORTED, naming only the globals its own adapter reads', async () => {
    const sim = createWx()
    vi.stubGlobal('wx', sim.wx)
    vi.stubGlobal('__wxConfig', sim.wxConfig)
    const { getUserProfile } = await import(pathToFileURL(resolve('dist/alipay.mjs')).href)
    const error = await sim.tap(() => getUserProfile()).catch((reason: Error) => reason)
    expect(error).toMatchObject({ name: 'UserProfileError', code: 'UNSUPPORTED' })
    expect(error.message).toContain('(it has: alipay)')
    // The alipay build holds no code about WeChat's globals, so it cannot name them.
    expect(error.message).toContain('globals seen: none')
    vi.stubGlobal('dd', {})
    vi.stubGlobal('my', {})
    const inDingTalk = await getUserProfile().catch((reason: Error) => reason)
    expect(inDingTalk.message).toContain('globals seen: my, dd')
  })

  it('the root build refuses an unknown host with UNSUPPORTED naming every global it saw', async () => {
    vi.stubGlobal('wx', {})
    const { getUserProfile } = await import(pathToFileURL(resolve('dist/index.mjs')).href)
    const error = await getUserProfile().catch((reason: Error) => reason)
    expect(error).toMatchObject({ name: 'UserProfileError', code: 'UNSUPPORTED' })
    expect(error.message).toContain('globals seen: wx')
  })
})
