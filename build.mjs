// Builds every entry as ESM and CommonJS, with declarations per format, into dist/.
// Each runtime entry is src/index.ts with its `./entries/all.js` import pointed at `./entries/<runtime>.ts`,
// so a bundle holds only the adapters its entry lists.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'

export const RUNTIME_ENTRIES = ['alipay', 'wechat', 'browser', 'douyin', 'feishu', 'qq', 'baidu', 'kuaishou', 'jd', 'xiaohongshu', 'taobao', 'dingtalk']
export const ENTRIES = ['index', ...RUNTIME_ENTRIES]

function adapterList(entry) {
  return {
    name: 'adapter-list',
    setup(pluginBuild) {
      if (entry === 'index') return
      pluginBuild.onResolve({ filter: /^\.\/entries\/all\.js$/ }, (args) => ({
        path: new URL(`./src/entries/${entry}.ts`, import.meta.url).pathname,
      }))
    },
  }
}

rmSync('dist', { recursive: true, force: true })

await Promise.all(
  ENTRIES.flatMap((entry) =>
    ['esm', 'cjs'].map((format) =>
      build({
        entryPoints: ['src/index.ts'],
        outfile: `dist/${entry}.${format === 'esm' ? 'mjs' : 'cjs'}`,
        bundle: true,
        format,
        platform: 'neutral',
        target: 'es2015', // mini program engines: esbuild lowers syntax; the code uses ES2015 built-ins only
        plugins: [adapterList(entry)],
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
for (const entry of ENTRIES) {
  writeFileSync(`dist/${entry}.d.mts`, "export * from './types/esm/src/index.js'\n")
  writeFileSync(`dist/${entry}.d.cts`, "export * from './types/cjs/src/index.js'\n")
}
mkdirSync('dist', { recursive: true })
