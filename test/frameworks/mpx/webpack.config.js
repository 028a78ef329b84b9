const path = require('path')
const MpxWebpackPlugin = require('@mpxjs/webpack-plugin')

// The mpx target mode (wx, ali, tt, swan, qq, …) and the mini-user-profile runtime it builds for.
const mode = process.env.MPX_MODE || 'wx'
const runtimeOf = { wx: 'wechat', ali: 'alipay', swan: 'baidu', qq: 'qq', tt: 'douyin', jd: 'jd', dd: 'dingtalk', ks: 'kuaishou' }
const runtime = runtimeOf[mode]

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: { app: './src/app.mpx' },
  output: { path: path.resolve(__dirname, 'dist', mode), filename: '[name].js' },
  resolve: {
    extensions: ['.mpx', '.js'],
    alias: runtime ? { 'mini-user-profile$': `mini-user-profile/${runtime}` } : {},
  },
  module: {
    rules: [
      { test: /\.mpx$/, use: MpxWebpackPlugin.loader() },
      { test: /\.(wxml|axml|swan|qml|ttml|qxml|jxml|ddml)$/, use: MpxWebpackPlugin.wxmlLoader() },
      { test: /\.(wxss|acss|css|qss|ttss|jxss|ddss)$/, use: MpxWebpackPlugin.wxssLoader() },
      { test: /\.json$/, resourceQuery: /asScript/, type: 'javascript/auto' },
    ],
  },
  // The sources are written in WeChat syntax; mpx converts them for the other modes (bindtap → onTap, …).
  plugins: [new MpxWebpackPlugin({ mode, srcMode: 'wx' })],
}
