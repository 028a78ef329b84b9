import { dingtalk } from '../../adapters/dingtalk.js'
import type { Adapter } from '../adapter.js'

// The `mini-user-profile/dingtalk` entry: src/index.ts built with this list in place of ./all (see build.mjs).
export const adapters: readonly Adapter[] = [dingtalk]
