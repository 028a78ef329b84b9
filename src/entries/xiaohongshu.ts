import { xiaohongshu } from '../../adapters/xiaohongshu.js'
import type { Adapter } from '../adapter.js'

// The `mini-user-profile/xiaohongshu` entry: src/index.ts built with this list in place of ./all (see build.mjs).
export const adapters: readonly Adapter[] = [xiaohongshu]
