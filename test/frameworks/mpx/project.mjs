// How a runner installs and builds this mpx app (cwd = this directory). After `install`, the runner itself installs
// the packed mini-user-profile tarball (`npm install --no-save <tgz>`): it is deliberately not in package.json.
// One webpack config (webpack.config.js) serves every target; MPX_MODE picks the mpx mode and the output dir.
const webpack = ['npx', '--no', 'webpack'] // webpack-cli, reading ./webpack.config.js

export default {
  install: [['npm', 'ci', '--no-audit', '--no-fund']],
  targets: [
    { runtime: 'wechat', command: webpack, env: { MPX_MODE: 'wx' }, output: 'dist/wx' },
    { runtime: 'alipay', command: webpack, env: { MPX_MODE: 'ali' }, output: 'dist/ali' },
    { runtime: 'douyin', command: webpack, env: { MPX_MODE: 'tt' }, output: 'dist/tt' },
  ],
}
