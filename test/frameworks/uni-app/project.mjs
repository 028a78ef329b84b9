// How a runner installs and builds this uni-app fixture. Every command runs with cwd = this directory.
// After `install`, the runner itself installs the packed library: npm install --no-save <mini-user-profile-*.tgz>
// (it is not in package.json: a lock-file `file:…tgz` entry can make `npm ci` install a stale tarball).
// `uni build -p <platform>` sets UNI_PLATFORM itself before vite.config.js runs, so no target needs env of its own;
// NODE_ENV is forced to production by `uni build`, so each output lands in dist/build/<platform>.
export default {
  install: [['npm', 'ci', '--no-audit', '--no-fund']],
  targets: [
    { runtime: 'wechat', command: ['npm', 'run', 'build:mp-weixin'], env: {}, output: 'dist/build/mp-weixin' },
    { runtime: 'alipay', command: ['npm', 'run', 'build:mp-alipay'], env: {}, output: 'dist/build/mp-alipay' },
    { runtime: 'douyin', command: ['npm', 'run', 'build:mp-toutiao'], env: {}, output: 'dist/build/mp-toutiao' },
  ],
}
