import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Facade tests install host simulators with vi.stubGlobal; each test starts from the real globals.
    unstubGlobals: true,
    restoreMocks: true,
  },
})
