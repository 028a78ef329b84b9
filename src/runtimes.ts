import { adapter as alipay, login as alipayLogin } from '../adapters/alipay.js'
import { adapter as baidu, login as baiduLogin } from '../adapters/baidu.js'
import { adapter as browser, login as browserLogin } from '../adapters/browser.js'
import { adapter as dingtalk, login as dingtalkLogin } from '../adapters/dingtalk.js'
import { adapter as douyin, login as douyinLogin } from '../adapters/douyin.js'
import { adapter as feishu, login as feishuLogin } from '../adapters/feishu.js'
import { adapter as jd, login as jdLogin } from '../adapters/jd.js'
import { adapter as kuaishou, login as kuaishouLogin } from '../adapters/kuaishou.js'
import { adapter as line, login as lineLogin } from '../adapters/line.js'
import { adapter as qq, login as qqLogin } from '../adapters/qq.js'
import { adapter as taobao, login as taobaoLogin } from '../adapters/taobao.js'
import { adapter as telegram, login as telegramLogin } from '../adapters/telegram.js'
import { adapter as vk, login as vkLogin } from '../adapters/vk.js'
import { adapter as wechat, login as wechatLogin } from '../adapters/wechat.js'
import { adapter as xiaohongshu, login as xiaohongshuLogin } from '../adapters/xiaohongshu.js'

// The one registry of runtimes. Everything else derives from it: `RuntimeName`, the root entry (this very list),
// each `mini-user-profile/<runtime>` entry, the build, package.json "exports" and the size budgets
// (`node scripts/generate-entries.mjs` writes those files; test/build/generated.test.ts fails when they are stale),
// and the tests' and the playground's lists. A new runtime is an adapter, a simulator, a row here, and a regeneration.
//
// Rows are in detection order: first match wins, and each predicate also rules out its own look-alikes, so a
// one-runtime entry stays exact. The order follows platforms.md §12, with the reason for each constraint:
export const adapters = [
  dingtalk, // `dd`, and a `my` whose app is "DINGTALK": before alipay, which shares `my`
  taobao, // a `my` whose app is "TB"/"taobao": before alipay
  alipay, // any other `my`: Alipay and every Alipay+ wallet (their app names are undocumented)
  feishu, // a `tt` whose appName is Feishu/Lark: before douyin, which shares `tt`
  douyin, // any other `tt`
  qq, // `qq`: before wechat, because QQ also exposes `wx`
  baidu, // `swan`
  kuaishou, // `ks`
  jd, // `jd`
  xiaohongshu, // `xhs`
  wechat, // `wx` with `__wxConfig`, not QQ Browser (`isQB`)
  // Web super apps: web pages, so before browser, which every page with a window and a document matches; after the
  // mini program hosts, whose globals decide where both exist (an IDE's preview).
  telegram, // `Telegram.WebApp` with a non-empty `initData` (empty when opened outside Telegram)
  line, // the LIFF SDK's `liff` with `liff.isInClient()`; outside the LINE app only with `runtime: 'line'`
  vk, // `vkBridge` with `isEmbedded()`: a VK client's WebView or iframe
  browser, // last: only when no mini program global exists; some IDEs expose `window` beside `my` or `wx`
] as const

// Each runtime's login (getLoginCode), beside its adapter rather than in it, so a bundle that never calls getLoginCode
// holds none of it. Looked up by runtime after detection: the order does not matter.
export const logins = [dingtalkLogin, taobaoLogin, alipayLogin, feishuLogin, douyinLogin, qqLogin, baiduLogin, kuaishouLogin, jdLogin, xiaohongshuLogin, wechatLogin, telegramLogin, lineLogin, vkLogin, browserLogin] as const
