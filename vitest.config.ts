import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/int/**/*.test.ts'],
    // What only PostgreSQL has (pool, read replicas) runs in the PostgreSQL pass only, instead of
    // showing up as skipped in the SQLite one.
    exclude: process.env.TEST_DATABASE === 'postgres' ? [] : ['tests/int/postgres-options.test.ts'],
    pool: 'forks',
    setupFiles: ['tests/setup/isolated-database.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: {
      SEED_ON_START: 'false',
      JOBS_AUTORUN: 'false',
      PAYLOAD_SECRET: 'test-secret-not-for-production',
    },
  },
})
