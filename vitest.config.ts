import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    // e2e tests install and run real projects; they opt into long timeouts themselves
    pool: 'forks',
  },
});
