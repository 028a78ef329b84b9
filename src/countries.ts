// The opt-in `mini-user-profile/countries` entry: Douyin, QQ and older WeChat send `country` as a localized name
// (platforms.md §3.3, §4.3, §14), and this maps the English and Chinese ones to ISO 3166-1 alpha-2.
import { normalizeCountryName } from './country-name.js'
import { CHINESE_NAMES, ENGLISH_NAMES } from './countries-data.js'

// Filled on the first call, so importing the entry costs only the two strings.
let table: Map<string, string> | undefined

function buildTable(): Map<string, string> {
  const built = new Map<string, string>()
  for (const group of [ENGLISH_NAMES, CHINESE_NAMES]) {
    for (const entry of group.split(';')) {
      const code = entry.slice(0, 2)
      built.set(code, code) // upper case: no normalized name can take this key
      for (const key of entry.slice(3).split('|')) built.set(key, code)
    }
  }
  return built
}

/**
 * The ISO 3166-1 alpha-2 code for a country name in English or Chinese (simplified or traditional), or `''`.
 * Case, accents, punctuation and spacing do not matter; a known two-letter code comes back upper-cased.
 *
 * @example resolveCountry('中國') // 'CN'
 */
export function resolveCountry(name: string): string {
  if (typeof name !== 'string') return ''
  const key = normalizeCountryName(name)
  if (key === '') return ''
  if (table === undefined) table = buildTable()
  const byCode = /^[a-z]{2}$/.test(key) ? table.get(key.toUpperCase()) : undefined
  return byCode !== undefined ? byCode : table.get(key) || ''
}
