import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Integration tests start real servers on port 0 against their own SQLite files, so files run
    // in parallel; password hashing (scrypt) is deliberately slow, hence the generous timeout.
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
