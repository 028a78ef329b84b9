// The README's bundler recipes, run for real: the consumer app in ./consumer is built by esbuild, webpack 5, Vite and
// Rollup, each with the alias recipe and the export condition recipe, for every mini program runtime. Each output must
// hold that runtime's adapter only, be clearly smaller than the same bundler's build of the root entry, and resolve the
// profile on that runtime's simulator. The traps the README warns about are built too, so its warnings stay true.
import alias from '@rollup/plugin-alias'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { build as esbuild, transform, type BuildOptions, type Plugin } from 'esbuild'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { rollup, type Plugin as RollupPlugin } from 'rollup'
import { build as viteBuild, defaultClientConditions, type InlineConfig } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import webpack, { type Configuration } from 'webpack'
import { install, SIMULATED_RUNTIMES, type SimulatedRuntime } from '../../testing/index'
import { RUNTIME_ENTRIES, ensureBuilt } from '../build/dist'

const REPO = resolve('.')
const CONSUMER = resolve('test/bundlers/consumer/app.mjs')
const requireFile = createRequire(import.meta.url)

// Each adapter object declares its runtime; every bundler here prints it this way when it does not minify.
const markerOf = (runtime: string) => `runtime: "${runtime}"`

// ---- The recipes, written as the README shows them ----

/** esbuild, alias: a plugin for the bare name only (esbuild's own `alias` also rewrites subpaths). */
function onlyRuntime(runtime: string): Plugin {
  return {
    name: 'mini-user-profile-runtime',
    setup(build) {
      build.onResolve({ filter: /^mini-user-profile$/ }, (args) =>
        build.resolve(`mini-user-profile/${runtime}`, { kind: args.kind, resolveDir: args.resolveDir }))
    },
  }
}

const esbuildConfig = {
  alias: (runtime: string): BuildOptions => ({ plugins: [onlyRuntime(runtime)] }),
  // Custom conditions replace esbuild's default `module` condition: keep it.
  condition: (runtime: string): BuildOptions => ({ conditions: [runtime, 'module'] }),
  unanchoredAlias: (runtime: string): BuildOptions => ({ alias: { 'mini-user-profile': `mini-user-profile/${runtime}` } }),
  conditionAlone: (runtime: string): BuildOptions => ({ conditions: [runtime] }),
}

const webpackConfig = {
  alias: (runtime: string): Configuration => ({ resolve: { alias: { 'mini-user-profile$': `mini-user-profile/${runtime}` } } }),
  condition: (runtime: string): Configuration => ({ resolve: { conditionNames: [runtime, '...'] } }),
  unanchoredAlias: (runtime: string): Configuration => ({ resolve: { alias: { 'mini-user-profile': `mini-user-profile/${runtime}` } } }),
  conditionAlone: (runtime: string): Configuration => ({ resolve: { conditionNames: [runtime] } }),
}

const viteConfig = {
  alias: (runtime: string): InlineConfig => ({ resolve: { alias: [{ find: /^mini-user-profile$/, replacement: `mini-user-profile/${runtime}` }] } }),
  condition: (runtime: string): InlineConfig => ({ resolve: { conditions: [runtime, ...defaultClientConditions] } }),
  unanchoredAlias: (runtime: string): InlineConfig => ({ resolve: { alias: [{ find: 'mini-user-profile', replacement: `mini-user-profile/${runtime}` }] } }),
  conditionAlone: (runtime: string): InlineConfig => ({ resolve: { conditions: [runtime] } }),
}

// Rollup: the alias plugin goes before nodeResolve.
const rollupConfig = {
  alias: (runtime: string): RollupPlugin[] => [alias({ entries: [{ find: /^mini-user-profile$/, replacement: `mini-user-profile/${runtime}` }] }), nodeResolve()],
  condition: (runtime: string): RollupPlugin[] => [nodeResolve({ exportConditions: [runtime] })],
  unanchoredAlias: (runtime: string): RollupPlugin[] => [alias({ entries: [{ find: 'mini-user-profile', replacement: `mini-user-profile/${runtime}` }] }), nodeResolve()],
}

// ---- Building ----

/** The recipes under test, the traps the README warns about, and `root`: no recipe at all (every adapter). */
type Setup = 'root' | 'alias' | 'condition' | 'unanchoredAlias' | 'conditionAlone'
type Way = 'alias' | 'condition'

interface Project {
  dir: string
  /** The consumer app, copied from ./consumer. */
  app: string
  /** An app that reports which export conditions the bundler matched (see writeConditionProbe). */
  probe: string
}

interface Bundler {
  name: 'esbuild' | 'webpack' | 'vite' | 'rollup'
  /** Builds `entry` into the code of one CommonJS file, not minified. */
  build(project: Project, entry: string, setup: Setup, runtime?: string): Promise<string>
}

let outputs = 0
const pick = <C>(configs: Partial<Record<Exclude<Setup, 'root'>, (runtime: string) => C>>, setup: Setup, runtime: string, root: C): C => {
  if (setup === 'root') return root
  const config = configs[setup]
  if (!config) throw new Error(`no ${setup} set-up`)
  return config(runtime)
}

const BUNDLERS: Bundler[] = [
  {
    name: 'esbuild',
    async build(project, entry, setup, runtime = 'wechat') {
      const config = pick(esbuildConfig, setup, runtime, {})
      const result = await esbuild({ entryPoints: [entry], absWorkingDir: project.dir, bundle: true, write: false, format: 'cjs', logLevel: 'silent', ...config })
      return result.outputFiles![0]!.text
    },
  },
  {
    name: 'webpack',
    build(project, entry, setup, runtime = 'wechat') {
      const config = pick(webpackConfig, setup, runtime, {})
      const path = join(project.dir, 'webpack-out')
      const filename = `out-${++outputs}.cjs`
      const compiler = webpack({
        mode: 'production',
        context: project.dir,
        entry,
        target: 'web',
        output: { path, filename, library: { type: 'commonjs2' } },
        // Unminified so the markers stay readable; sizes are also compared minified (below).
        optimization: { minimize: false },
        ...config,
      })
      return new Promise((done, fail) => {
        compiler.run((error, stats) => {
          compiler.close(() => {
            if (error) fail(error)
            else if (!stats || stats.hasErrors()) fail(new Error(stats?.toString('errors-only') ?? 'no stats'))
            else done(readFileSync(join(path, filename), 'utf8'))
          })
        })
      })
    },
  },
  {
    name: 'vite',
    async build(project, entry, setup, runtime = 'wechat') {
      const config = pick(viteConfig, setup, runtime, {})
      const result = await viteBuild({
        root: project.dir,
        configFile: false,
        publicDir: false,
        logLevel: 'silent',
        ...config,
        build: { write: false, minify: false, lib: { entry, formats: ['cjs'], fileName: 'app' } },
      })
      const output = Array.isArray(result) ? result[0] : result
      if (!output || !('output' in output)) throw new Error('vite returned no output')
      return output.output[0].code
    },
  },
  {
    name: 'rollup',
    async build(_project, entry, setup, runtime = 'wechat') {
      const bundle = await rollup({ input: entry, plugins: pick(rollupConfig, setup, runtime, [nodeResolve()]), logLevel: 'silent' })
      try {
        const { output } = await bundle.generate({ format: 'cjs' })
        return output[0].code
      } finally {
        await bundle.close()
      }
    },
  },
]

// Conditions a bundler's defaults may hold; the probe package answers each with its name when it is matched.
const PROBED_CONDITIONS = ['browser', 'module', 'production', 'development', 'node', 'import', 'require'] as const

/** A package `condition-probe` whose subpath `./<condition>` resolves to '<condition>' under that condition, else to ''. */
function writeConditionProbe(dir: string): string {
  const pkg = join(dir, 'node_modules', 'condition-probe')
  mkdirSync(pkg)
  const exports = Object.fromEntries(PROBED_CONDITIONS.map((condition) => [`./${condition}`, { [condition]: `./${condition}.js`, default: './unmatched.js' }]))
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'condition-probe', type: 'module', sideEffects: false, exports }))
  for (const condition of PROBED_CONDITIONS) writeFileSync(join(pkg, `${condition}.js`), `export default '${condition}'\n`)
  writeFileSync(join(pkg, 'unmatched.js'), `export default ''\n`)
  const probe = join(dir, 'probe.mjs')
  writeFileSync(probe, [
    ...PROBED_CONDITIONS.map((condition, index) => `import c${index} from 'condition-probe/${condition}'`),
    `export const matched = [${PROBED_CONDITIONS.map((_, index) => `c${index}`).join(', ')}].filter(Boolean)`,
  ].join('\n') + '\n')
  return probe
}

/** A consumer project in the temp dir whose node_modules/mini-user-profile is this repository, as an install would be. */
function createProject(bundler: string): Project {
  const dir = mkdtempSync(join(tmpdir(), `mini-user-profile-${bundler}-`))
  mkdirSync(join(dir, 'node_modules'))
  mkdirSync(join(dir, 'out'))
  symlinkSync(REPO, join(dir, 'node_modules', 'mini-user-profile'), 'dir')
  const app = join(dir, 'app.mjs')
  copyFileSync(CONSUMER, app)
  return { dir, app, probe: writeConditionProbe(dir) }
}

function load<T>(project: Project, code: string): T {
  const file = join(project.dir, 'out', `bundle-${++outputs}.cjs`)
  writeFileSync(file, code)
  return requireFile(file) as T
}

/** UTF-8 bytes, as shipped (the countries table has Chinese names). */
const sizeOf = (code: string) => Buffer.byteLength(code, 'utf8')
/** Size once minified, with esbuild's minifier for every bundler alike. */
const minifiedSizeOf = async (code: string) => sizeOf((await transform(code, { minify: true, charset: 'utf8' })).code)

// ---- Running on the simulator ----

type Outcome = { profile: unknown } | { error: { name: unknown; code: unknown; runtime: unknown } }

/** Installs the runtime's simulated host (grant), presses its consent control and calls `run` inside the tap. */
async function onSimulator(runtime: SimulatedRuntime, run: () => Promise<unknown>): Promise<Outcome> {
  const host = install(runtime, { scenario: 'grant' })
  try {
    host.authorize()
    return { profile: await host.tap(run) }
  } catch (error) {
    const { name, code, runtime: errorRuntime } = error as Record<string, unknown>
    return { error: { name, code, runtime: errorRuntime } }
  } finally {
    host.restore()
  }
}

/** What the published runtime entry itself gives on the same simulator: the bundle must give exactly that. */
function published(runtime: SimulatedRuntime): Promise<Outcome> {
  const entry = requireFile(resolve(`dist/${runtime}.cjs`)) as typeof import('../../src/index')
  const { resolveCountry } = requireFile(resolve('dist/countries.cjs')) as typeof import('../../src/countries')
  return onSimulator(runtime, () => entry.getUserProfile({ resolveCountry }))
}

// ---- Tests ----

const projects: Project[] = []

beforeAll(() => {
  ensureBuilt()
})

afterAll(() => {
  // The node_modules symlink is removed, never followed.
  for (const project of projects) rmSync(project.dir, { recursive: true, force: true })
})

const CASES = (['alias', 'condition'] as const).flatMap((way) => SIMULATED_RUNTIMES.map((runtime) => [way, runtime] as [Way, SimulatedRuntime]))

describe.each(BUNDLERS)('$name', (bundler) => {
  let project: Project
  let root = ''
  let rootSize = 0
  let rootMinifiedSize = 0

  beforeAll(async () => {
    project = createProject(bundler.name)
    projects.push(project)
    root = await bundler.build(project, project.app, 'root')
    rootSize = sizeOf(root)
    rootMinifiedSize = await minifiedSizeOf(root)
  })

  it('bundles every adapter from the root entry without a recipe', () => {
    for (const runtime of RUNTIME_ENTRIES) expect(root, runtime).toContain(markerOf(runtime))
  })

  it.each(CASES)('builds the %s recipe for %s: its adapter only, smaller than the root entry, the profile on its simulator', async (way, runtime) => {
    const code = await bundler.build(project, project.app, way, runtime)

    for (const other of RUNTIME_ENTRIES) expect(code.includes(markerOf(other)), `${runtime} output holds ${other}`).toBe(other === runtime)

    expect(sizeOf(code)).toBeLessThan(rootSize * 0.8)
    expect(await minifiedSizeOf(code)).toBeLessThan(rootMinifiedSize * 0.8)

    const { run } = load<{ run: () => Promise<unknown> }>(project, code)
    const outcome = await onSimulator(runtime, run)
    expect(outcome).toEqual(await published(runtime))
    if (runtime === 'dingtalk') {
      // DingTalk has no client profile API: its adapter answers UNSUPPORTED on every scenario.
      expect(outcome).toEqual({ error: { name: 'UserProfileError', code: 'UNSUPPORTED', runtime: 'dingtalk' } })
    } else {
      expect(outcome).toEqual({ profile: expect.objectContaining({ code: '10000' }) })
      const { profile } = outcome as { profile: Record<string, unknown> }
      expect(Object.keys(profile).sort()).toEqual(['avatar', 'code', 'gender', 'msg', 'nationality', 'nickName'])
    }
  })

  it('fails on the subpath with a bare-name alias that is not exact (the README trap)', async () => {
    // mini-user-profile/countries becomes mini-user-profile/wechat/countries, which the package does not export.
    await expect(bundler.build(project, project.app, 'unanchoredAlias')).rejects.toThrow(/wechat\/countries/)
  })

  it('keeps the bundler\'s default export conditions with the condition recipe', async () => {
    const matched = async (setup: Setup) => load<{ matched: string[] }>(project, await bundler.build(project, project.probe, setup)).matched
    const defaults = await matched('root')
    expect(defaults).toContain('import')
    expect(await matched('condition')).toEqual(defaults)
  })
})

describe('condition traps', () => {
  const bundlerNamed = (name: Bundler['name']) => BUNDLERS.find((bundler) => bundler.name === name)!
  let project: Project
  const matched = async (name: Bundler['name'], setup: Setup) =>
    load<{ matched: string[] }>(project, await bundlerNamed(name).build(project, project.probe, setup)).matched

  beforeAll(() => {
    project = createProject('traps')
    projects.push(project)
  })

  it('esbuild drops its default `module` condition once `conditions` is set, unless it is listed', async () => {
    expect(await matched('esbuild', 'root')).toEqual(['browser', 'module', 'import'])
    expect(await matched('esbuild', 'conditionAlone')).toEqual(['browser', 'import'])
  })

  it('webpack without \'...\' in conditionNames loses import and require, so the package no longer resolves', async () => {
    await expect(bundlerNamed('webpack').build(project, project.app, 'conditionAlone')).rejects.toThrow(/"\." is not exported under the condition "wechat"/)
  })

  it('Vite drops its default client conditions once `resolve.conditions` is set, unless defaultClientConditions is spread', async () => {
    // development|production follows NODE_ENV, which vitest sets to 'test'.
    expect(await matched('vite', 'root')).toEqual(['browser', 'module', expect.stringMatching(/^(development|production)$/), 'import'])
    expect(await matched('vite', 'conditionAlone')).toEqual(['import'])
  })
})

describe('the browser runtime', () => {
  it('has no export condition, so the `browser` condition of web builds keeps the root entry', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, Record<string, unknown>> }
    const conditions = Object.keys(pkg.exports['.']!)
    expect(conditions).not.toContain('browser')
    expect(conditions.filter((condition) => condition !== 'import' && condition !== 'require').sort()).toEqual([...SIMULATED_RUNTIMES].sort())
    expect(pkg.exports['./browser']).toBeDefined()
  })
})
