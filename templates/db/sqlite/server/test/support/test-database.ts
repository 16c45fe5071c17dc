import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway database for one test server or test file. */
export interface TestDatabase {
  /** Its DATABASE_URL. */
  url: string;
  /** Deletes it; safe to call twice. */
  drop(): Promise<void>;
}

/** A fresh SQLite file in its own temporary folder, so test files run in parallel. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'db-test-'));
  return {
    url: `file:${path.join(dir, 'test.db')}`,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}
