// Shared by the runtime lookup and scripts/generate-countries.mjs, which compiles this file with esbuild, so the keys
// baked into countries-data.ts are exactly the keys resolveCountry computes. Keep it free of imports.

/**
 * The lookup key for a country name: compatibility-decomposed (full-width letters become ASCII), accents dropped,
 * lower-cased, the punctuation names carry (`.,'’()-`) turned into spaces, whitespace collapsed. CJK stays as it is.
 */
export function normalizeCountryName(name: string): string {
  // resolveCountry must never throw; an engine without `normalize` (none known, UNCONFIRMED) just keeps accents.
  const decomposed = typeof name.normalize === 'function' ? name.normalize('NFKD') : name
  return decomposed
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,'\u2019()-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
