// TypeScript consumers of the published types, beside the bundled builds: ./ts-bundler (moduleResolution "bundler")
// and ./ts-node16 (node16, .mts and .cts), both with customConditions ["wechat"]. They sit inside this repository, so
// `mini-user-profile` resolves to it by self-reference through package.json "exports", as it would from node_modules.
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from '../build/dist'

const TSC = resolve('node_modules/typescript/bin/tsc')

/** Runs tsc on the project; returns where each `mini-user-profile` import resolved, in order (from --traceResolution). */
function typecheck(project: string): string[] {
  const trace = execFileSync(process.execPath, [TSC, '-p', resolve('test/bundlers', project), '--traceResolution'], { encoding: 'utf8' })
  const resolved = [...trace.matchAll(/^======== Module name '(mini-user-profile[^']*)' was successfully resolved to '([^']+)'/gm)]
  return resolved.map(([, name, file]) => `${name} -> ${file!.slice(resolve('.').length + 1)}`)
}

beforeAll(() => {
  ensureBuilt()
})

describe.each([
  {
    project: 'ts-bundler',
    withCondition: ['mini-user-profile -> dist/wechat.d.mts', 'mini-user-profile/countries -> dist/countries.d.mts'],
    without: ['mini-user-profile -> dist/index.d.mts', 'mini-user-profile/countries -> dist/countries.d.mts'],
  },
  {
    project: 'ts-node16',
    withCondition: [
      'mini-user-profile -> dist/wechat.d.mts', 'mini-user-profile/countries -> dist/countries.d.mts',
      'mini-user-profile -> dist/wechat.d.cts', 'mini-user-profile/countries -> dist/countries.d.cts',
    ],
    without: [
      'mini-user-profile -> dist/index.d.mts', 'mini-user-profile/countries -> dist/countries.d.mts',
      'mini-user-profile -> dist/index.d.cts', 'mini-user-profile/countries -> dist/countries.d.cts',
    ],
  },
])('the $project consumer', ({ project, withCondition, without }) => {
  it('type-checks, reading the wechat condition\'s declarations through customConditions', () => {
    // execFileSync throws, with tsc's diagnostics, on any type error.
    expect(typecheck(`${project}/tsconfig.json`)).toEqual(withCondition)
  })

  it('reads the root entry\'s declarations without customConditions', () => {
    expect(typecheck(`${project}/tsconfig.without-condition.json`)).toEqual(without)
  })
})
