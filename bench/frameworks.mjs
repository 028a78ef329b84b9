// The frameworks compared with the library, each with its glue per platform (bench/glue/) and the build settings of
// its own mini program toolchain. Plain Node ESM: nothing here imports a framework; size.mjs and speed.mjs bundle them.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
// The frameworks live in a project of their own (bench/frameworks/package.json says why): `npm ci --prefix bench/frameworks`.
const FRAMEWORK_MODULES = join(ROOT, 'bench', 'frameworks', 'node_modules')

export function packageVersion(modules, name) {
  const file = join(modules, name, 'package.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined
}

// `import … from 'vue'` in uni-app's api runtime (only for `injectHook`, app-level onError): the app's Vue runtime,
// which every uni-app app has anyway, so the main uni-app row stubs it; the `uni-vue` row bundles it.
const vueStub = {
  name: 'vue-stub',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^vue$/ }, () => ({ path: 'vue', namespace: 'vue-stub' }))
    pluginBuild.onLoad({ filter: /.*/, namespace: 'vue-stub' }, () => ({ contents: 'export function injectHook() {}', loader: 'js' }))
  },
}

const production = { 'process.env.NODE_ENV': '"production"' }

/**
 * The frameworks, each with its glue per platform and the build settings of its own mini program toolchain:
 * the defines it needs and its file resolution. `available()` says why it is left out when it is.
 */
export const FRAMEWORKS = [
  {
    id: 'mpx',
    name: 'mpx (api-proxy, getProxy)',
    packages: [['@mpxjs/api-proxy', FRAMEWORK_MODULES]],
    glue: { alipay: 'bench/glue/mpx-alipay.mjs', wechat: 'bench/glue/mpx-wechat.mjs' },
    // mpx's webpack plugin defines __mpx_mode__ and prefers `<file>.<mode>.js` (e.g. get-user-info/index.ali.js).
    esbuild: (platform) => {
      const mode = platform === 'alipay' ? 'ali' : 'wx'
      return { define: { ...production, __mpx_mode__: JSON.stringify(mode) }, resolveExtensions: [`.${mode}.js`, '.js', '.mjs', '.json'], nodePaths: [FRAMEWORK_MODULES] }
    },
  },
  {
    id: 'mpx-named',
    name: 'mpx (api-proxy, named getUserInfo)',
    packages: [['@mpxjs/api-proxy', FRAMEWORK_MODULES]],
    // Only on Alipay: on WeChat the named getUserInfo is wx.getUserInfo, not the same native API.
    glue: { alipay: 'bench/glue/mpx-alipay-named.mjs' },
    esbuild: () => ({ define: { ...production, __mpx_mode__: '"ali"' }, resolveExtensions: ['.ali.js', '.js', '.mjs', '.json'], nodePaths: [FRAMEWORK_MODULES] }),
  },
  {
    id: 'uni',
    name: 'uni-app 3 (api runtime, `vue` stubbed)',
    packages: [['@dcloudio/uni-mp-alipay', FRAMEWORK_MODULES], ['@dcloudio/uni-mp-weixin', FRAMEWORK_MODULES]],
    glue: { alipay: 'bench/glue/uni-alipay.mjs', wechat: 'bench/glue/uni-wechat.mjs' },
    esbuild: (platform) => {
      const uniPlatform = platform === 'alipay' ? 'mp-alipay' : 'mp-weixin'
      return {
        define: { ...production, 'process.env.UNI_PLATFORM': JSON.stringify(uniPlatform), 'process.env.VUE_APP_PLATFORM': JSON.stringify(uniPlatform) },
        plugins: [vueStub],
        nodePaths: [FRAMEWORK_MODULES],
      }
    },
  },
  {
    // The same, with `vue` resolved as uni-app's build resolves it (its mini program Vue runtime): what the api
    // runtime pulls from Vue when nothing else in the bundle does. Size only.
    id: 'uni-vue',
    name: 'uni-app 3 (api runtime, its `vue` bundled)',
    sizeOnly: true,
    packages: [['@dcloudio/uni-mp-alipay', FRAMEWORK_MODULES], ['@dcloudio/uni-mp-weixin', FRAMEWORK_MODULES], ['@dcloudio/uni-mp-vue', FRAMEWORK_MODULES]],
    glue: { alipay: 'bench/glue/uni-alipay.mjs', wechat: 'bench/glue/uni-wechat.mjs' },
    esbuild: (platform) => {
      const uniPlatform = platform === 'alipay' ? 'mp-alipay' : 'mp-weixin'
      return {
        define: { ...production, 'process.env.UNI_PLATFORM': JSON.stringify(uniPlatform), 'process.env.VUE_APP_PLATFORM': JSON.stringify(uniPlatform) },
        alias: { vue: '@dcloudio/uni-mp-vue' },
        nodePaths: [FRAMEWORK_MODULES],
      }
    },
  },
  {
    id: 'taro',
    name: 'Taro 4 (@tarojs/taro + platform plugin)',
    packages: [['@tarojs/taro', FRAMEWORK_MODULES], ['@tarojs/plugin-platform-alipay', FRAMEWORK_MODULES], ['@tarojs/plugin-platform-weapp', FRAMEWORK_MODULES]],
    glue: { alipay: 'bench/glue/taro-alipay.mjs', wechat: 'bench/glue/taro-wechat.mjs' },
    // What Taro's mini program runner defines: the target, and the runtime switches at their defaults
    // (mini.runtime: enableInnerHTML on, the others off; no polyfills).
    esbuild: (platform) => ({
      define: {
        ...production,
        'process.env.TARO_ENV': JSON.stringify(platform === 'alipay' ? 'alipay' : 'weapp'),
        'process.env.TARO_PLATFORM': '"mini"',
        'process.env.FRAMEWORK': '"react"',
        'process.env.TARO_VERSION': JSON.stringify(packageVersion(FRAMEWORK_MODULES, '@tarojs/taro') || ''),
        'process.env.SUPPORT_TARO_POLYFILL': '"disabled"',
        ENABLE_INNER_HTML: 'true',
        ENABLE_ADJACENT_HTML: 'false',
        ENABLE_SIZE_APIS: 'false',
        ENABLE_TEMPLATE_CONTENT: 'false',
        ENABLE_CLONE_NODE: 'false',
        ENABLE_CONTAINS: 'false',
        ENABLE_MUTATION_OBSERVER: 'false',
      },
      nodePaths: [FRAMEWORK_MODULES],
    }),
  },
]

/** `undefined` when every package of the framework is installed, else why it is left out. */
export function missingReason(framework) {
  const missing = framework.packages.filter(([name, modules]) => !packageVersion(modules, name)).map(([name]) => name)
  if (missing.length === 0) return undefined
  return `${missing.join(', ')} not installed (run \`npm ci --prefix bench/frameworks\`)`
}

/** "name@version" of each installed package of the framework, for the report. */
export function frameworkVersions(framework) {
  return framework.packages.map(([name, modules]) => `${name}@${packageVersion(modules, name)}`)
}
