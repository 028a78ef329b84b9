import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveCountry } from '../src/countries.js'

const require = createRequire(import.meta.url)
const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries')
countries.registerLocale(require('i18n-iso-countries/langs/en.json'))
countries.registerLocale(require('i18n-iso-countries/langs/zh.json'))
const codes = Object.keys(countries.getAlpha2Codes())

describe('resolveCountry', () => {
  it.each([
    ['English short name', 'China', 'CN'],
    ['English formal name', 'United States of America', 'US'],
    ['simplified Chinese (zh_CN)', '中国', 'CN'],
    ['traditional Chinese (zh_TW)', '中國', 'CN'],
    ['simplified Chinese', '美国', 'US'],
    ['traditional Chinese', '美國', 'US'],
    ['traditional Chinese as Taiwan writes it', '南韓', 'KR'],
    ['traditional Chinese as Taiwan writes it', '紐西蘭', 'NZ'],
    ['simplified Chinese', '新加坡', 'SG'],
    ['simplified Chinese', '日本', 'JP'],
    ['Hong Kong as mainland hosts write it', '中国香港', 'HK'],
    ['Hong Kong, short', '香港', 'HK'],
    ['Macau, everyday spelling', 'Macau', 'MO'],
    ['Macau, simplified', '澳门', 'MO'],
    ['Taiwan, simplified', '台湾', 'TW'],
    ['Taiwan as mainland hosts write it', '中国台湾', 'TW'],
    ['Taiwan, traditional', '台灣', 'TW'],
    ['mainland China', '中国大陆', 'CN'],
    ['Korea without qualifier', 'Korea', 'KR'],
    ['North Korea', 'North Korea', 'KP'],
    ['UK abbreviation', 'UK', 'GB'],
    ['UK with stops', 'U.K.', 'GB'],
    ['US with stops', 'U.S.A.', 'US'],
    ['a UK constituent country', 'England', 'GB'],
    ['Türkiye with its diacritic', 'Türkiye', 'TR'],
    ['Turkey, the old name', 'Turkey', 'TR'],
    ['Côte d’Ivoire with a curly apostrophe', 'Côte d’Ivoire', 'CI'],
    ['Cote d\'Ivoire without accents', "Cote d'Ivoire", 'CI'],
    ['Réunion with an accent', 'Réunion', 'RE'],
    ['Åland with a ring', 'Åland Islands', 'AX'],
    ['Congo by its capital', 'Congo - Kinshasa', 'CD'],
    ['Congo by its full-width Chinese brackets', '刚果（金）', 'CD'],
    ['odd case and spacing', '  united   STATES ', 'US'],
    ['tabs and newlines', '\tnew\nzealand\n', 'NZ'],
    ['full-width Latin letters', 'Ｊａｐａｎ', 'JP'],
    ['a lower-case code', 'de', 'DE'],
    ['a code with spaces around it', ' fr ', 'FR'],
    ['a full-width code', 'ＣＮ', 'CN'],
  ])('maps the %s "%s" to %s', (_variant, name, code) => {
    expect(resolveCountry(name)).toBe(code)
  })

  it('resolves every code from its official English name and its primary Chinese name', () => {
    const misses = codes.filter(
      (code) =>
        resolveCountry(countries.getName(code, 'en') ?? '') !== code ||
        resolveCountry(countries.getName(code, 'zh') ?? '') !== code,
    )
    expect(misses).toEqual([])
  })

  it('returns every known code upper-cased, whatever case it gets', () => {
    const misses = codes.filter((code) => resolveCountry(code) !== code || resolveCountry(code.toLowerCase()) !== code)
    expect(misses).toEqual([])
  })

  it.each([
    ['an unknown name', 'Atlantis'],
    ['a two-letter string that is no country', 'ZZ'],
    ['a name that is two codes at once', 'Congo'],
    ['an empty string', ''],
    ['only spaces and punctuation', ' .-() '],
    ['a prototype key', '__proto__'],
    ['a prototype key', 'constructor'],
    ['a prototype key', 'toString'],
    ['a prototype key', 'hasOwnProperty'],
    ['the table separators', 'US:usa|uk;'],
  ])('returns an empty string for %s (%j)', (_variant, name) => {
    expect(resolveCountry(name)).toBe('')
  })

  it.each([[undefined], [null], [86], [{}], [['CN']], [{ toString: () => 'CN' }]])(
    'returns an empty string for the non-string %j',
    (value) => {
      expect(resolveCountry(value as unknown as string)).toBe('')
    },
  )

  it('never throws and answers an empty string or two capital letters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.anything()), (value) => {
        expect(resolveCountry(value as string)).toMatch(/^(|[A-Z]{2})$/)
      }),
    )
  })
})

describe('src/countries-data.ts', () => {
  const committed = readFileSync(new URL('../src/countries-data.ts', import.meta.url), 'utf8')

  // Intl.DisplayNames answers from Node's ICU: on another Node, regenerate with `node scripts/generate-countries.mjs`
  // and review the diff (the header records the ICU version it came from).
  it('matches what the generator produces now', async () => {
    const scriptPath: string = '../scripts/generate-countries.mjs'
    const script = (await import(scriptPath)) as { generateCountriesSource(options: { warn(message: string): void }): Promise<string> }
    expect(await script.generateCountriesSource({ warn: () => {} })).toBe(committed)
  })
})
