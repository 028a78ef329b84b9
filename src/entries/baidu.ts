import { baidu } from '../../adapters/baidu.js'
import type { Adapter } from '../adapter.js'

// The `mini-user-profile/baidu` entry: src/index.ts built with this list in place of ./all (see build.mjs).
export const adapters: readonly Adapter[] = [baidu]
