import { beforeAll, describe, expect, it } from 'vitest'
import { libraryEntries, measureEntry, readBudgets, type LibraryEntry } from '../../bench/size.mjs'
import { ensureBuilt } from '../build/dist'

// The size check of `npm test`: the one-line consumer of each entry, bundled and minified as bench/size.mjs does for
// `npm run bench`, must stay within its gzip budget in bench/budgets.json. Budgets are a ratchet (an entry's size
// rounded up to 100 B, lowered as entries shrink); no runtime entry's budget may pass the ceiling of 3.5 KB gzip
// (`runtimeCeiling`, issue 11), whatever later issues add.

const { entries: budgets, runtimeCeiling } = readBudgets()
const entries = libraryEntries()

beforeAll(() => {
  ensureBuilt()
})

describe('consumer bundle size budgets (bench/budgets.json)', () => {
  it('every entry in package.json "exports" has a budget, and every budget an entry', () => {
    expect(Object.keys(budgets).sort()).toEqual(entries.map((entry) => entry.specifier).sort())
  })

  it('every runtime entry has a budget within the 3.5 KB gzip ceiling', () => {
    expect(runtimeCeiling).toBe(3584)
    for (const entry of entries.filter((candidate) => candidate.kind === 'runtime')) {
      expect(budgets[entry.specifier]!.budget, entry.specifier).toBeLessThanOrEqual(runtimeCeiling)
    }
  })

  it.each(entries.map((entry): [string, LibraryEntry] => [entry.specifier, entry]))(
    '%s stays within its gzip budget',
    async (specifier, entry) => {
      const { minified, gzip } = await measureEntry(entry)
      const budget = budgets[specifier]!.budget
      expect(
        gzip,
        `${specifier}: ${gzip} B gzip (${minified} B minified) is over its budget of ${budget} B. Shrink it back; ` +
          'raise bench/budgets.json only for a reason you can state.',
      ).toBeLessThanOrEqual(budget)
    },
  )
})
