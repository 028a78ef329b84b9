import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'

const runtimeOf = {
  'mp-weixin': 'wechat', 'mp-alipay': 'alipay', 'mp-toutiao': 'douyin', 'mp-lark': 'feishu', 'mp-baidu': 'baidu',
  'mp-qq': 'qq', 'mp-kuaishou': 'kuaishou', 'mp-jd': 'jd', 'mp-xhs': 'xiaohongshu',
}
const runtime = runtimeOf[process.env.UNI_PLATFORM]

export default defineConfig({
  plugins: [uni()],
  resolve: { alias: runtime ? [{ find: /^mini-user-profile$/, replacement: `mini-user-profile/${runtime}` }] : [] },
})
