// How test/frameworks/run.mjs installs and builds this Taro 4 (React, webpack 5) project, cwd = this directory.
// `npm install` with the lock file, not `npm ci`: the lock file names Taro's platform bindings
// (@tarojs/binding-darwin-arm64, …) that this registry does not hold, which `npm ci` refuses. The runner then
// installs mini-user-profile itself from `npm pack` (`npm install --no-save <tgz>`).
const build = (type) => ['npx', '--no', 'taro', 'build', '--type', type]
const env = { NODE_ENV: 'production' }

export default {
  install: [['npm', 'install', '--no-audit', '--no-fund']],
  targets: [
    { runtime: 'wechat', command: build('weapp'), env, output: 'dist/weapp' },
    { runtime: 'alipay', command: build('alipay'), env, output: 'dist/alipay' },
    { runtime: 'douyin', command: build('tt'), env, output: 'dist/tt' },
  ],
}
