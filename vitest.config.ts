import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // the example packs import the test kit as a published pack would; here it is the source
    alias: { 'create-fullstack-app/testing': fileURLToPath(new URL('src/testing/index.ts', import.meta.url)) },
  },
  test: {
    // example packs are tested here as their authors test them, through the test kit
    include: ['tests/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    // rendered files kept as snapshots are data, not tests
    exclude: ['**/node_modules/**', 'tests/snapshots/__files__/**'],
    // every temp folder of the run lives under one root, removed at the end
    globalSetup: ['tests/setup/temp-root.ts'],
    testTimeout: 20_000,
    // e2e tests install and run real projects; they opt into long timeouts themselves
    pool: 'forks',
    // describe.concurrent e2e tests generate and install at most two projects at a time
    maxConcurrency: 2,
  },
});
