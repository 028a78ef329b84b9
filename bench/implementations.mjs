// Loads, for one platform, every implementation the speed and concurrency benchmarks call: the hand-written
// reference, the library's built entries (dist/), and each installed framework plus its glue, bundled with its own
// toolchain's settings into a temp file. Install the platform's fake host first (fake-hosts.mjs): some frameworks
// read the native global when their module loads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FRAMEWORKS, missingReason } from './frameworks.mjs'
import { ROOT, bundleSource, ensureBuilt } from './size.mjs'

let bundleDir = ''

function tempFile(name) {
  if (!bundleDir) {
    bundleDir = mkdtempSync(join(tmpdir(), 'mini-user-profile-bench-run-'))
    process.once('exit', () => rmSync(bundleDir, { recursive: true, force: true }))
  }
  return join(bundleDir, name)
}

const importFile = (file) => import(pathToFileURL(file).href)

/**
 * `[{ id, label, file, getUserProfile }]` for `platform`, the hand-written reference first (`file` is the module that
 * exports that getUserProfile); plus `skipped`, the frameworks left out and why. `withRoot` adds the root entry
 * (every adapter, runtime detected per call).
 */
export async function loadImplementations(platform, { withRoot = true } = {}) {
  ensureBuilt()
  const list = []
  const add = async (id, label, file) => list.push({ id, label, file, getUserProfile: (await importFile(file)).getUserProfile })
  await add('hand-written', 'hand-written', join(ROOT, 'bench', 'hand-written', `${platform}.mjs`))
  await add('entry', `mini-user-profile/${platform}`, join(ROOT, 'dist', `${platform}.mjs`))
  if (withRoot) await add('root', 'mini-user-profile (root, detects per call)', join(ROOT, 'dist', 'index.mjs'))
  const skipped = []
  for (const framework of FRAMEWORKS) {
    const glue = framework.glue[platform]
    if (!glue || framework.sizeOnly) continue
    const reason = missingReason(framework)
    if (reason) {
      skipped.push({ name: framework.name, reason })
      continue
    }
    // Minified like a production build; exports kept so the benchmark can call it.
    const { code } = await bundleSource(`export { getUserProfile } from './${glue}'\n`, ROOT, framework.esbuild(platform))
    const file = tempFile(`${framework.id}-${platform}.mjs`)
    writeFileSync(file, code)
    await add(framework.id, `${framework.name} + glue`, file)
  }
  return { list, skipped }
}
