// The README's framework recipes are the files the real projects of test/frameworks/ build with (npm run
// test:frameworks writes them from the README before building); this keeps the committed copies the same, so each
// project also builds as it stands in the repository.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECTS, readmeRecipe } from '../frameworks/run.mjs'

describe('framework recipes', () => {
  it.each(Object.entries(PROJECTS))('the README shows test/frameworks/%s exactly as it is built', (name, project) => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readmeRecipe(readme, project.heading)).toBe(readFileSync(join('test/frameworks', name, project.file), 'utf8'))
  })
})
