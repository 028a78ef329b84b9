import { defineConfig } from '@tarojs/cli'

// Taro's platform (TARO_ENV) → mini-user-profile's runtime entry; a platform not listed keeps the root entry.
const runtimeOf = { weapp: 'wechat', alipay: 'alipay', tt: 'douyin', swan: 'baidu', qq: 'qq', jd: 'jd' }

export default defineConfig({
  projectName: 'mini-user-profile-taro',
  framework: 'react',
  compiler: 'webpack5',
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  mini: {
    webpackChain(chain) {
      const runtime = runtimeOf[process.env.TARO_ENV]
      if (runtime) chain.resolve.alias.set('mini-user-profile$', `mini-user-profile/${runtime}`)
    },
  },
})
