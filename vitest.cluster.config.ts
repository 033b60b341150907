import { defineConfig } from 'vitest/config'

/** The cluster test (tests/cluster): production servers of the build, PostgreSQL and Redis. */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/cluster/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
})
