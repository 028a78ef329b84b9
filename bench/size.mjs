// Consumer bundle size: a one-line consumer of each entry, bundled as a mini program build would (esbuild: bundle,
// minify, ESM, ES2015, UTF-8), in minified bytes and gzip -9 bytes; next to the hand-written references and, where
// installed, each framework plus its glue. `node bench/size.mjs` prints the tables; test/bench/size-budget.test.ts
// checks the entries against bench/budgets.json with the same functions.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { FRAMEWORKS, frameworkVersions, missingReason } from './frameworks.mjs'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** The platforms compared with a hand-written reference. */
export const PLATFORMS = ['alipay', 'wechat']

/** `node build.mjs` when dist/ is missing, as test/build/dist.ts does. */
export function ensureBuilt() {
  if (!existsSync(join(ROOT, 'dist', 'index.mjs')) || !existsSync(join(ROOT, 'dist', 'countries.mjs'))) {
    execFileSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' })
  }
}

/**
 * Every entry a consumer can import, from package.json "exports": the root, each runtime and `countries` (not
 * `testing`, a test kit, nor `package.json`), each with the one-line consumer that is measured.
 */
export function libraryEntries() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const entries = []
  for (const key of Object.keys(manifest.exports)) {
    if (key === './testing' || key === './package.json') continue
    const specifier = key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`
    const kind = key === '.' ? 'root' : key === './countries' ? 'countries' : 'runtime'
    const consumer =
      kind === 'countries'
        ? `import { resolveCountry } from '${specifier}'\nconsole.log(resolveCountry('中国'))\n`
        : `import { getUserProfile } from '${specifier}'\ngetUserProfile().then(console.log)\n`
    entries.push({ specifier, kind, consumer })
  }
  return entries
}

let consumerDir = ''

/** A consumer project whose node_modules/mini-user-profile is a symlink to this repository, as after an install. */
export function consumerProject() {
  if (consumerDir) return consumerDir
  consumerDir = mkdtempSync(join(tmpdir(), 'mini-user-profile-bench-'))
  mkdirSync(join(consumerDir, 'node_modules'))
  symlinkSync(ROOT, join(consumerDir, 'node_modules', 'mini-user-profile'), 'dir')
  process.once('exit', () => rmSync(consumerDir, { recursive: true, force: true }))
  return consumerDir
}

/**
 * Bundles `source` (a module's text, resolved from `resolveDir`) as a mini program build would, plus `extra`
 * (a framework's defines, plugins, resolution). Returns the code, its byte length and its gzip -9 byte length.
 */
export async function bundleSource(source, resolveDir, extra = {}, { minify = true } = {}) {
  const result = await build({
    bundle: true,
    format: 'esm',
    target: 'es2015',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    ...extra,
    minify,
    stdin: { contents: source, resolveDir, sourcefile: 'consumer.mjs', loader: 'js' },
  })
  const bytes = result.outputFiles[0].contents
  return { code: Buffer.from(bytes).toString('utf8'), minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/** Minified and gzip -9 bytes of the one-line consumer of a library entry, bundled in a consumer project. */
export async function measureEntry(entry) {
  const { minified, gzip } = await bundleSource(entry.consumer, consumerProject())
  return { minified, gzip }
}

/** The one-line consumer of a file of bench/ (a reference or a glue), which exports getUserProfile like the library. */
export function fileConsumer(file) {
  return `import { getUserProfile } from './${file}'\ngetUserProfile().then(console.log)\n`
}

/** bench/budgets.json: per entry, the gzip budget that `npm test` enforces; `runtimeCeiling`, the most any runtime entry may have. */
export function readBudgets() {
  return JSON.parse(readFileSync(join(ROOT, 'bench', 'budgets.json'), 'utf8'))
}

/** Every size the report shows: the entries against their budgets, and per platform the comparison rows. */
export async function measureSizes() {
  ensureBuilt()
  const { entries: budgets, runtimeCeiling } = readBudgets()
  const entries = []
  for (const entry of libraryEntries()) {
    const size = await measureEntry(entry)
    const budget = budgets[entry.specifier] || {}
    entries.push({ ...entry, ...size, budget: budget.budget, ceiling: entry.kind === 'runtime' ? runtimeCeiling : null })
  }
  const comparisons = {}
  const skipped = []
  for (const platform of PLATFORMS) {
    const rows = []
    const reference = await bundleSource(fileConsumer(`bench/hand-written/${platform}.mjs`), ROOT)
    rows.push({ label: `hand-written \`bench/hand-written/${platform}.mjs\``, ...pick(reference) })
    const entry = entries.find((candidate) => candidate.specifier === `mini-user-profile/${platform}`)
    rows.push({ label: `mini-user-profile/${platform}`, minified: entry.minified, gzip: entry.gzip })
    for (const framework of FRAMEWORKS) {
      const glue = framework.glue[platform]
      if (!glue) continue
      const reason = missingReason(framework)
      if (reason) {
        if (!skipped.some((item) => item.name === framework.name)) skipped.push({ name: framework.name, reason })
        continue
      }
      const size = await bundleSource(fileConsumer(glue), ROOT, framework.esbuild(platform))
      rows.push({ label: `${framework.name} + glue \`${glue.slice('bench/'.length)}\``, ...pick(size) })
    }
    for (const row of rows) row.ratio = row.gzip / reference.gzip
    comparisons[platform] = rows
  }
  const logins = await measureLogins(entries)
  const versions = FRAMEWORKS.filter((framework) => !missingReason(framework)).flatMap((framework) => frameworkVersions(framework))
  return { entries, comparisons, logins, skipped, versions: [...new Set(versions)] }
}

/**
 * The getLoginCode-only consumer of each runtime entry (and the root), and per platform the hand-written login
 * (bench/hand-written/<platform>-login.mjs) it is compared with. A separate export: it is not in the rows above.
 */
async function measureLogins(entries) {
  const consumer = (specifier) => `import { getLoginCode } from '${specifier}'\ngetLoginCode().then(console.log)\n`
  const rows = []
  for (const entry of entries) {
    if (entry.kind === 'countries') continue
    rows.push({ specifier: entry.specifier, ...pick(await bundleSource(consumer(entry.specifier), consumerProject())) })
  }
  const references = {}
  const withProfile = {}
  for (const platform of PLATFORMS) {
    references[platform] = pick(await bundleSource(consumer(`./bench/hand-written/${platform}-login.mjs`), ROOT))
    // What a page that calls both pays for the login: the same entry with getUserProfile too.
    const both = `import { getLoginCode, getUserProfile } from 'mini-user-profile/${platform}'\ngetLoginCode().then(console.log)\ngetUserProfile().then(console.log)\n`
    withProfile[platform] = pick(await bundleSource(both, consumerProject()))
  }
  return { rows, references, withProfile }
}

function pick({ minified, gzip }) {
  return { minified, gzip }
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`

export function formatTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** The size tables as Markdown. */
export function sizeReport(sizes) {
  const { entries, comparisons, skipped } = sizes
  const parts = []
  parts.push(
    formatTable(
      ['entry (one-line consumer)', 'minified', 'gzip -9', 'budget (npm test)', 'ceiling', 'under the ceiling?'],
      entries.map((entry) => [
        `\`${entry.specifier}\``,
        `${entry.minified} B`,
        `${entry.gzip} B (${kb(entry.gzip)})`,
        entry.budget === undefined ? 'none' : `${entry.budget} B`,
        entry.ceiling == null ? '—' : `${entry.ceiling} B`,
        entry.ceiling == null ? '—' : entry.gzip <= entry.ceiling ? `yes, ${entry.ceiling - entry.gzip} B to spare` : `no: ${entry.gzip - entry.ceiling} B over`,
      ]),
    ),
  )
  for (const platform of PLATFORMS) {
    parts.push(
      `${platform === 'alipay' ? 'Alipay (`my.getOpenUserInfo`)' : 'WeChat (`wx.getUserProfile`)'}, same normalized six-key result:\n\n` +
        formatTable(
          ['bundle', 'minified', 'gzip -9', '× hand-written (gzip)'],
          comparisons[platform].map((row) => [row.label, `${row.minified} B`, `${row.gzip} B (${kb(row.gzip)})`, `${row.ratio.toFixed(2)}×`]),
        ),
    )
  }
  const { rows, references, withProfile } = sizes.logins
  parts.push(
    'getLoginCode-only consumer (`import { getLoginCode } from \'<entry>\'`), next to a hand-written `wx.login` / `my.getAuthCode` call:\n\n' +
      formatTable(
        ['bundle', 'minified', 'gzip -9'],
        [
          ...PLATFORMS.map((platform) => [`hand-written \`bench/hand-written/${platform}-login.mjs\``, `${references[platform].minified} B`, `${references[platform].gzip} B`]),
          ...rows.map((row) => [`\`${row.specifier}\``, `${row.minified} B`, `${row.gzip} B (${kb(row.gzip)})`]),
          ...PLATFORMS.map((platform) => {
            const profileOnly = entries.find((entry) => entry.specifier === `mini-user-profile/${platform}`)
            const extra = withProfile[platform].gzip - profileOnly.gzip
            return [`\`mini-user-profile/${platform}\`, getLoginCode and getUserProfile`, `${withProfile[platform].minified} B`, `${withProfile[platform].gzip} B (+${extra} B for the login)`]
          }),
        ],
      ),
  )
  if (skipped.length) parts.push(skipped.map((item) => `Left out: ${item.name}: ${item.reason}.`).join('\n'))
  return parts.join('\n\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(sizeReport(await measureSizes()))
}
