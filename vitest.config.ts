import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/global-tmp.ts'],
    // A hang guard, not a speed goal: property tests simulate minutes of many labs and a loaded
    // machine (two cores shared with builds) can take several times longer than an idle one.
    testTimeout: 90000,
    pool: 'forks',
  },
});
