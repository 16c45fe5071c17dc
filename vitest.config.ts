import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // rendered files kept as snapshots are data, not tests
    exclude: ['**/node_modules/**', 'tests/snapshots/__files__/**'],
    testTimeout: 20_000,
    // e2e tests install and run real projects; they opt into long timeouts themselves
    pool: 'forks',
    // describe.concurrent e2e tests generate and install at most two projects at a time
    maxConcurrency: 2,
  },
});
