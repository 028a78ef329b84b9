import type { Scenario, SimulatedRuntime } from '../../testing/index'

/**
 * The scenarios whose answer is each host's own; malformed, slow and never mean the same everywhere, and
 * privacy-required and nickname-rejected end like grant for a getUserProfile() called in the consent handler (the
 * host's privacy popup, allowed, comes first on WeChat and Douyin; the nickname review is the fill-in's, §17.1).
 */
export type HostScenario = Exclude<Scenario, 'malformed' | 'slow' | 'never' | 'privacy-required' | 'nickname-rejected'>

// What each host-specific scenario of the testing kit ends in, from the library's side: a code, or 'placeholder'
// (a '10000' profile that isPlaceholderProfile() flags, e.g. WeChat's anonymised one since 2022). Pinned by
// test/testing/install.test.ts, shown by the playground (test/e2e) and printed in the README.
const U = 'UNSUPPORTED' // DingTalk has no client profile API
export const scenarioOutcomes: Record<SimulatedRuntime, Record<HostScenario, string>> = {
  alipay: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'INSUFFICIENT_PERMISSIONS', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  wechat: { grant: 'placeholder', deny: 'USER_DENIED', 'insufficient-permissions': 'PRIVACY_NOT_AUTHORIZED', 'authorization-required': 'PRIVACY_NOT_AUTHORIZED' },
  douyin: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  feishu: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  qq: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  baidu: { grant: '10000', deny: 'placeholder', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'placeholder' },
  kuaishou: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  jd: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  xiaohongshu: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  taobao: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'NATIVE_ERROR' },
  dingtalk: { grant: U, deny: U, 'insufficient-permissions': U, 'authorization-required': U },
  // No consent step: the user comes with the launch; authorization-required is a launch without a user.
  telegram: { grant: '10000', deny: '10000', 'insufficient-permissions': '10000', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  line: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'INSUFFICIENT_PERMISSIONS', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
  vk: { grant: '10000', deny: 'USER_DENIED', 'insufficient-permissions': 'NATIVE_ERROR', 'authorization-required': 'AUTHORIZATION_REQUIRED' },
}
