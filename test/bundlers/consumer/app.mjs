// The consumer app of test/bundlers/bundlers.test.ts: it imports the root entry, which each bundler recipe swaps for
// one runtime, and a subpath, which the recipe must leave alone (esbuild's plain `alias` would rewrite it).
import { getUserProfile } from 'mini-user-profile'
import { resolveCountry } from 'mini-user-profile/countries'

export function run() {
  return getUserProfile({ resolveCountry })
}
