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
 * `[{ id, label, getUserProfile }]` for `platform`, the hand-written reference first; plus `skipped`, the frameworks
 * left out and why. `withRoot` adds the root entry (every adapter, runtime detected per call).
 */
export async function loadImplementations(platform, { withRoot = true } = {}) {
  ensureBuilt()
  const list = []
  const reference = await importFile(join(ROOT, 'bench', 'hand-written', `${platform}.mjs`))
  list.push({ id: 'hand-written', label: 'hand-written', getUserProfile: reference.getUserProfile })
  const entry = await importFile(join(ROOT, 'dist', `${platform}.mjs`))
  list.push({ id: 'entry', label: `mini-user-profile/${platform}`, getUserProfile: entry.getUserProfile })
  if (withRoot) {
    const root = await importFile(join(ROOT, 'dist', 'index.mjs'))
    list.push({ id: 'root', label: 'mini-user-profile (root, detects per call)', getUserProfile: root.getUserProfile })
  }
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
    const module = await importFile(file)
    list.push({ id: framework.id, label: `${framework.name} + glue`, getUserProfile: module.getUserProfile })
  }
  return { list, skipped }
}
