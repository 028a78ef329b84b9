import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const RUNTIME_ENTRIES = [
  'alipay', 'wechat', 'browser', 'douyin', 'feishu', 'qq', 'baidu', 'kuaishou', 'jd', 'xiaohongshu', 'taobao', 'dingtalk',
] as const
export const ENTRIES = ['index', ...RUNTIME_ENTRIES, 'countries'] as const

/** `npm test` builds first; a lone `vitest run` builds here so these tests never read a missing dist. */
export function ensureBuilt(): void {
  if (!existsSync('dist/index.mjs') || !existsSync('dist/types/cjs/src/index.d.ts')) {
    execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' })
  }
}
