// `npm run test:frameworks` (and .ci/run): the README's framework recipes in real Taro, uni-app and mpx projects
// (test/frameworks/<name>/, each with its own package.json and lock file). For each project: install it, install this
// package as users get it (`npm pack`, then `npm install --no-save <tgz>`, so a stale tarball in a lock file can never
// be the one tested), write the recipe file from the README's code block (so a wrong recipe in the README fails here),
// build every target, check each output holds its runtime's adapter and no other, and run the WeChat build's page
// under miniprogram-simulate with the testing kit (the project's simulate.mjs).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { readRuntimeNames } from '../../scripts/runtimes.mjs'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const HERE = fileURLToPath(new URL('.', import.meta.url))

// Each project: the README paragraph that introduces its recipe, the file the recipe block is, and what its WeChat
// page must show after the tap (uni-app twice: a plain @tap runs outside the gesture, data-eventsync="true" inside).
export const PROJECTS = {
  taro: { heading: '**Taro**', file: 'config/index.js', expected: { tap: '微信用户' } },
  'uni-app': { heading: '**uni-app**', file: 'vite.config.js', expected: { plain: 'NOT_USER_GESTURE', sync: '微信用户' } },
  mpx: { heading: '**mpx**', file: 'webpack.config.js', expected: { tap: '微信用户' } },
}

/** The first ```js block after the README paragraph that starts with `heading`, in "Framework recipes". */
export function readmeRecipe(readme, heading) {
  const section = readme.slice(readme.indexOf('### Framework recipes'))
  const start = section.indexOf(`\n${heading}`)
  if (start === -1) throw new Error(`README: no recipe paragraph starting with ${heading}`)
  const block = /```js\n([\s\S]*?)```/.exec(section.slice(start))
  if (!block) throw new Error(`README: no js block after ${heading}`)
  return block[1]
}

/** Every .js file under `dir`. */
function jsFiles(dir) {
  const files = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) files.push(...jsFiles(path))
    else if (name.endsWith('.js')) files.push(path)
  }
  return files
}

/** The runtimes whose adapter a build holds: each adapter object declares `runtime: "<name>"`. */
export function adaptersIn(dir, runtimes) {
  const code = jsFiles(dir).map((file) => readFileSync(file, 'utf8')).join('\n')
  return runtimes.filter((runtime) => new RegExp(`runtime\\s*:\\s*["']${runtime}["']`).test(code))
}

function run(argv, cwd, env = {}) {
  const started = Date.now()
  const result = spawnSync(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const seconds = (Date.now() - started) / 1000
  if (result.status !== 0) {
    throw new Error(`${argv.join(' ')} failed in ${cwd} (${result.status}):\n${(result.stdout || '').slice(-3000)}\n${(result.stderr || '').slice(-3000)}`)
  }
  return seconds
}

async function main(names) {
  const runtimes = await readRuntimeNames()
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  if (!existsSync(join(ROOT, 'dist', 'index.cjs'))) run([process.execPath, 'build.mjs'], ROOT)
  const packDir = mkdtempSync(join(tmpdir(), 'mini-user-profile-pack-'))
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }))
  const tgz = join(packDir, packed.filename)
  const failures = []
  try {
    for (const name of names) {
      const project = PROJECTS[name]
      const dir = join(HERE, name)
      const lines = []
      try {
        const { default: description } = await import(pathToFileURL(join(dir, 'project.mjs')).href)
        writeFileSync(join(dir, project.file), readmeRecipe(readme, project.heading))
        let seconds = 0
        for (const argv of description.install) seconds += run(argv, dir)
        seconds += run(['npm', 'install', '--no-save', '--no-audit', '--no-fund', tgz], dir)
        lines.push(`install ${seconds.toFixed(0)} s`)
        for (const target of description.targets) {
          const output = join(dir, target.output)
          rmSync(output, { recursive: true, force: true })
          const built = run(target.command, dir, target.env)
          const held = adaptersIn(output, runtimes)
          if (held.join() !== target.runtime) throw new Error(`${name} ${target.runtime} build holds the adapters [${held.join(', ')}], not [${target.runtime}] alone`)
          lines.push(`${target.runtime} build ${built.toFixed(0)} s, holds only its adapter`)
        }
        const wechat = description.targets.find((target) => target.runtime === 'wechat')
        // A process of its own: simulate.mjs sets up a DOM and the kit's globals, which must not reach the next project.
        const script = `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'simulate.mjs')).href)}); ` +
          `process.stdout.write(JSON.stringify(await m.runWechatPage(${JSON.stringify(join(dir, wechat.output))}))); process.exit(0)`
        const page = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' })
        if (page.status !== 0) throw new Error(`${name}: simulate.mjs failed:\n${page.stderr.slice(-3000)}`)
        const shown = JSON.parse(page.stdout.trim().split('\n').pop() || 'null')
        if (JSON.stringify(shown) !== JSON.stringify(project.expected)) {
          throw new Error(`${name}: the WeChat page shows ${JSON.stringify(shown)}, expected ${JSON.stringify(project.expected)}`)
        }
        lines.push(`WeChat page under miniprogram-simulate: ${JSON.stringify(shown)}`)
        console.log(`✓ ${name}: ${lines.join('; ')}`)
      } catch (error) {
        failures.push(name)
        console.error(`✗ ${name}: ${lines.join('; ')}\n${error instanceof Error ? error.message : String(error)}`)
      }
    }
  } finally {
    rmSync(packDir, { recursive: true, force: true })
  }
  if (failures.length) {
    console.error(`framework projects failed: ${failures.join(', ')}`)
    process.exit(1)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const asked = process.argv.slice(2)
  await main(asked.length ? asked : Object.keys(PROJECTS))
}
