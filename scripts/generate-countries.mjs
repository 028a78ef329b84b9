// Dev-only: writes src/countries-data.ts, the name table behind `mini-user-profile/countries`.
// Run `node scripts/generate-countries.mjs` after upgrading i18n-iso-countries or Node (Intl.DisplayNames comes from
// Node's ICU), or after editing the aliases below. test/countries.test.ts fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { transform } from 'esbuild'

const require = createRequire(import.meta.url)
const NORMALIZER = new URL('../src/country-name.ts', import.meta.url)
const OUTPUT = new URL('../src/countries-data.ts', import.meta.url)
const DISPLAY_LOCALES = ['en', 'zh-Hans', 'zh-Hant'] // zh-Hant: WeChat's lang zh_TW answers in traditional characters

// Names hosts and people use that neither source has, or that we pin so an upstream edit cannot move them.
// An alias also settles a key the sources map to two codes. [name, code, why]
const ALIASES = [
  ['Hong Kong', 'HK', 'Intl says "Hong Kong SAR China"; pinned in case i18n-iso-countries drops its short form'],
  ['Hong Kong SAR', 'HK', 'common English form, shorter than Intl\'s'],
  ['Hong Kong, China', 'HK', 'how mainland hosts label it in English'],
  ['香港', 'HK', 'Intl gives only 中国香港特别行政区'],
  ['中国香港', 'HK', 'how mainland hosts label it'],
  ['中國香港', 'HK', 'the same in traditional characters'],
  ['香港特别行政区', 'HK', 'the formal name without 中国'],
  ['香港特別行政區', 'HK', 'the same in traditional characters'],
  ['Macau', 'MO', 'the common spelling; ISO and CLDR use Macao'],
  ['Macau SAR', 'MO', 'common English form'],
  ['Macao SAR', 'MO', 'common English form'],
  ['Macau, China', 'MO', 'how mainland hosts label it in English'],
  ['澳门', 'MO', 'Intl gives only 中国澳门特别行政区'],
  ['澳門', 'MO', 'the same in traditional characters'],
  ['中国澳门', 'MO', 'how mainland hosts label it'],
  ['中國澳門', 'MO', 'the same in traditional characters'],
  ['Taiwan, China', 'TW', 'how mainland hosts label it in English'],
  ['台湾', 'TW', 'pinned: i18n-iso-countries has only 中国台湾省'],
  ['中国台湾', 'TW', 'how mainland hosts label it'],
  ['中國台灣', 'TW', 'the same in traditional characters'],
  ['臺灣', 'TW', 'the formal traditional variant of 台灣'],
  ['Korea', 'KR', 'in everyday use means South Korea; North Korea is always qualified'],
  ['South Korea', 'KR', 'pinned: the everyday English name'],
  ['Republic of Korea', 'KR', 'pinned: the formal English name'],
  ['韓國', 'KR', 'traditional 韩国; Intl zh-Hant says 南韓'],
  ['南韩', 'KR', 'simplified 南韓'],
  ['北韩', 'KP', 'simplified 北韓'],
  ['UK', 'GB', 'pinned: the everyday abbreviation'],
  ['U.K.', 'GB', 'the abbreviation with stops'],
  ['Great Britain', 'GB', 'pinned: common though strictly the island'],
  ['Britain', 'GB', 'everyday short form'],
  ['England', 'GB', 'constituent country without an ISO 3166-1 code of its own'],
  ['Scotland', 'GB', 'constituent country without an ISO 3166-1 code of its own'],
  ['Wales', 'GB', 'constituent country without an ISO 3166-1 code of its own'],
  ['Northern Ireland', 'GB', 'constituent country without an ISO 3166-1 code of its own'],
  ['Russia', 'RU', 'pinned: the everyday name'],
  ['Vietnam', 'VN', 'pinned: the everyday spelling'],
  ['Viet Nam', 'VN', 'the ISO 3166-1 short name'],
  ['Laos', 'LA', 'pinned: i18n-iso-countries has only the formal name'],
  ['Iran', 'IR', 'pinned: the everyday name'],
  ['Syria', 'SY', 'pinned: i18n-iso-countries has only the formal name'],
  ['Turkey', 'TR', 'pinned: the name before 2022'],
  ['Türkiye', 'TR', 'pinned: the ISO name since 2022'],
  ['Czech Republic', 'CZ', 'pinned: the name before Czechia'],
  ['Ivory Coast', 'CI', 'pinned: the English translation of Côte d\'Ivoire'],
  ['Burma', 'MM', 'the former name; Intl has only "Myanmar (Burma)"'],
  ['Holland', 'NL', 'everyday name for the Netherlands'],
  ['UAE', 'AE', 'pinned: the everyday abbreviation'],
  ['US', 'US', 'pinned: the everyday abbreviation'],
  ['USA', 'US', 'pinned: the everyday abbreviation'],
  ['America', 'US', 'everyday name'],
  ['Mainland China', 'CN', 'how hosts separate CN from HK, MO and TW'],
  ['Chinese Mainland', 'CN', 'the same, in the wording of official English texts'],
  ['PRC', 'CN', 'common abbreviation'],
  ['中国大陆', 'CN', 'how hosts separate CN from HK, MO and TW'],
  ['中國大陸', 'CN', 'the same in traditional characters'],
  ['中华人民共和国', 'CN', 'the formal name'],
  ['中華人民共和國', 'CN', 'the same in traditional characters'],
  ['Macedonia', 'MK', 'the name before 2019'],
  ['Swaziland', 'SZ', 'the name before 2018'],
  ['Cabo Verde', 'CV', 'the ISO 3166-1 short name since 2013; both sources say Cape Verde'],
  ['East Timor', 'TL', 'the English translation of Timor-Leste'],
  ['Vatican', 'VA', 'everyday short form'],
  ['DR Congo', 'CD', 'everyday form; bare "Congo" is ambiguous and dropped'],
  ['DRC', 'CD', 'everyday abbreviation'],
  ['刚果金', 'CD', 'everyday form of 刚果（金）'],
  ['刚果布', 'CG', 'everyday form of 刚果（布）'],
]

// Every key lives in one group by script, so a Latin-only consumer could one day drop the Chinese string.
function isHan(key) {
  return /[\u2e80-\u9fff\uf900-\ufaff]/.test(key)
}

async function loadNormalizer() {
  // Compiled from the runtime source, not copied, so generated keys cannot drift from the keys resolveCountry computes.
  const { code } = await transform(readFileSync(NORMALIZER, 'utf8'), { loader: 'ts', format: 'esm' })
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
  return module.normalizeCountryName
}

function sourceNames() {
  const countries = require('i18n-iso-countries')
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'))
  countries.registerLocale(require('i18n-iso-countries/langs/zh.json'))
  const codes = Object.keys(countries.getAlpha2Codes()).sort()
  const names = [] // [name, code]
  for (const lang of ['en', 'zh']) {
    const all = countries.getNames(lang, { select: 'all' })
    for (const code of codes) for (const name of [].concat(all[code] || [])) names.push([name, code])
  }
  for (const locale of DISPLAY_LOCALES) {
    const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
    for (const code of codes) {
      const name = display.of(code)
      if (name !== undefined && name !== code) names.push([name, code])
    }
  }
  return { codes, names, version: require('i18n-iso-countries/package.json').version }
}

/** Maps every key to one code: sources first, ambiguous keys dropped, then aliases on top. */
function decideKeys(codes, names, normalize, warn) {
  const known = new Set(codes)
  const candidates = new Map() // key -> Map<code, names that gave it>
  for (const [name, code] of names) {
    const key = normalize(name)
    if (!candidates.has(key)) candidates.set(key, new Map())
    const byCode = candidates.get(key)
    byCode.set(code, (byCode.get(code) || []).concat(name))
  }
  const aliasKeys = new Map(ALIASES.map(([name, code]) => [normalize(name), code]))
  const decided = new Map()
  for (const [key, byCode] of candidates) {
    if (byCode.size === 1) decided.set(key, byCode.keys().next().value)
    else if (!aliasKeys.has(key)) {
      const detail = [...byCode].map(([code, from]) => `${code} (${from.join(', ')})`).join(' vs ')
      warn(`dropped ambiguous name "${key}": ${detail}`)
    }
  }
  for (const [key, code] of aliasKeys) {
    if (!known.has(code)) throw new Error(`alias "${key}" names unknown code ${code}`)
    if (decided.has(key) && decided.get(key) !== code) warn(`alias "${key}" overrides ${decided.get(key)} with ${code}`)
    decided.set(key, code)
  }
  for (const [key, code] of decided) {
    // resolveCountry reads any two letters as a code first, so such a key is either redundant or unreachable.
    if (/^[a-z]{2}$/.test(key) && known.has(key.toUpperCase())) {
      if (key.toUpperCase() !== code) warn(`dropped name "${key}" for ${code}: it is the code of ${key.toUpperCase()}`)
      decided.delete(key)
    } else if (key === '' || /[:;|'\\\n]/.test(key)) throw new Error(`key "${key}" for ${code} breaks the encoding`)
  }
  return decided
}

// `CODE:key|key;CODE:key…` per group: codes sorted, keys sorted, codes without a key in the group left out.
function encodeGroup(codes, decided, inGroup) {
  const byCode = new Map(codes.map((code) => [code, []]))
  for (const [key, code] of decided) if (inGroup(key)) byCode.get(code).push(key)
  return codes
    .filter((code) => byCode.get(code).length > 0)
    .map((code) => `${code}:${byCode.get(code).sort().join('|')}`)
    .join(';')
}

/** The text of src/countries-data.ts. `warn` receives one line per dropped or overridden name. */
export async function generateCountriesSource({ warn = (message) => console.warn(`generate-countries: ${message}`) } = {}) {
  const normalize = await loadNormalizer()
  const { codes, names, version } = sourceNames()
  const decided = decideKeys(codes, names, normalize, warn)
  const covered = new Set(decided.values())
  const missing = codes.filter((code) => !covered.has(code))
  if (missing.length > 0) throw new Error(`no usable name for ${missing.join(', ')}`)
  const english = encodeGroup(codes, decided, (key) => !isHan(key))
  const chinese = encodeGroup(codes, decided, isHan)
  return [
    '// Generated by `node scripts/generate-countries.mjs`. Do not edit; change the script and run it again.',
    `// Sources: i18n-iso-countries ${version} (every alpha-2 code; 'en' and 'zh' names, select 'all'),`,
    `// Intl.DisplayNames ${DISPLAY_LOCALES.join(', ')} (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}), and the aliases in the script.`,
    '// Format: `CODE:key|key;CODE:key…`; keys are already passed through normalizeCountryName.',
    '// Names that normalize to one key for two codes (e.g. "Congo") are left out.',
    '',
    `export const ENGLISH_NAMES = '${english}'`,
    '',
    `export const CHINESE_NAMES = '${chinese}'`,
    '',
  ].join('\n')
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OUTPUT, await generateCountriesSource())
  console.log(`generate-countries: wrote ${OUTPUT.pathname}`)
}
