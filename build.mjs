// Builds every entry as ESM and CommonJS, with declarations per format, into dist/. The entries come from the
// registry (src/runtimes.ts): the root src/index.ts, then one real module per runtime, src/entries/<runtime>.ts,
// which bundles only its own adapter.
import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { entrySources, readRuntimeNames } from './scripts/runtimes.mjs'

const sources = entrySources(await readRuntimeNames())

rmSync('dist', { recursive: true, force: true })

await Promise.all(
  sources.flatMap(([entry, source]) =>
    ['esm', 'cjs'].map((format) =>
      build({
        entryPoints: [source],
        outfile: `dist/${entry}.${format === 'esm' ? 'mjs' : 'cjs'}`,
        bundle: true,
        format,
        platform: 'neutral',
        target: 'es2015', // mini program engines: esbuild lowers syntax; the code uses ES2015 built-ins only
        charset: 'utf8', // Chinese text as is: a third of the size of \uXXXX escapes
        logLevel: 'warning',
      }),
    ),
  ),
)

// One declaration tree per module format, so `import` and `require` each resolve types of their own kind.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
cpSync('dist/types/esm', 'dist/types/cjs', { recursive: true })
writeFileSync('dist/types/esm/package.json', '{ "type": "module" }\n')
writeFileSync('dist/types/cjs/package.json', '{ "type": "commonjs" }\n')
for (const [entry, source] of sources) {
  const module = source.replace(/\.ts$/, '')
  writeFileSync(`dist/${entry}.d.mts`, `export * from './types/esm/${module}.js'\n`)
  writeFileSync(`dist/${entry}.d.cts`, `export * from './types/cjs/${module}.js'\n`)
}

// WeChat's and QQ's "build npm" copy the folder named by package.json "miniprogram" to miniprogram_npm/<package>
// without following requires, and `require('mini-user-profile/wechat')` then loads miniprogram_npm/mini-user-profile/
// wechat.js (developers.weixin.qq.com/miniprogram/dev/devtools/npm.html): every CommonJS entry but the test kit goes
// there under its subpath name, each self-contained; index.js is the auto-detecting root.
mkdirSync('dist/miniprogram', { recursive: true })
for (const [entry] of sources) {
  if (entry !== 'testing') copyFileSync(`dist/${entry}.cjs`, `dist/miniprogram/${entry}.js`)
}
