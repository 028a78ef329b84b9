import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

// The README's testing-kit example is this repository's readme-example.test.ts, run by `npm test` through the
// published exports; this keeps the two identical.
it('shows the testing kit example exactly as it runs in test/testing/readme-example.test.ts', () => {
  const example = readFileSync(new URL('./readme-example.test.ts', import.meta.url), 'utf8')
  expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain('```ts\n' + example + '```')
})
