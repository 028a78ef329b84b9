import { alipay } from '../../adapters/alipay.js'
import { baidu } from '../../adapters/baidu.js'
import { browser } from '../../adapters/browser.js'
import { dingtalk } from '../../adapters/dingtalk.js'
import { douyin } from '../../adapters/douyin.js'
import { feishu } from '../../adapters/feishu.js'
import { jd } from '../../adapters/jd.js'
import { kuaishou } from '../../adapters/kuaishou.js'
import { qq } from '../../adapters/qq.js'
import { taobao } from '../../adapters/taobao.js'
import { wechat } from '../../adapters/wechat.js'
import { xiaohongshu } from '../../adapters/xiaohongshu.js'
import type { Adapter } from '../adapter.js'

// First match wins; each predicate also rules out its own look-alikes, so a one-runtime entry stays exact.
// The order follows platforms.md §12, with the reason for each constraint:
export const adapters: readonly Adapter[] = [
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
  browser, // last: only when no mini program global exists; some IDEs expose `window` beside `my` or `wx`
]
