import { alipay } from '../../adapters/alipay.js'
import { browser } from '../../adapters/browser.js'
import { wechat } from '../../adapters/wechat.js'
import type { Adapter } from '../adapter.js'

// First match wins. Alipay first: its DingTalk look-alike is ruled out inside its own predicate (platforms.md §12).
// Browser last: it only applies when no mini program global exists, and some IDEs expose `window` beside `my` or `wx`.
export const adapters: readonly Adapter[] = [alipay, wechat, browser]
