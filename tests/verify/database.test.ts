/** Step 4's database for each engine: where it comes from, and a clear failure when there is none. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectOptions } from '../../src/options/schema.js';
import { configuredDatabaseUrl, provisionDatabase } from '../../src/verify/checks/database.js';
import { CheckFailure } from '../../src/verify/runner.js';

const options = (db: ProjectOptions['db']): ProjectOptions => ({
  service: 'api',
  backend: 'express',
  frontend: 'none',
  db,
  api: 'rest',
  realtime: 'none',
  auth: 'none',
});

describe('Step 4 database', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'verify-db-'));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it('SQLite: a file in the temp folder, nothing to drop', async () => {
    const database = await provisionDatabase(dir, options('sqlite'), '/tmp/cfa-verify-x');
    expect(database.url).toBe(`file:${path.resolve('/tmp/cfa-verify-x', 'verify.db')}`);
    await expect(database.drop()).resolves.toBeUndefined();
  });

  it('PostgreSQL: DATABASE_URL from the environment first, then from the project .env', async () => {
    await writeFile(path.join(dir, '.env'), 'PORT=3000\nDATABASE_URL=postgres://app:app@db.local:5432/app\n');
    expect(configuredDatabaseUrl(dir, {})).toEqual({ url: 'postgres://app:app@db.local:5432/app', from: path.join(dir, '.env') });
    expect(configuredDatabaseUrl(dir, { DATABASE_URL: 'postgres://x@h/y' })?.url).toBe('postgres://x@h/y');
    expect(configuredDatabaseUrl(path.join(dir, 'missing'), {})).toBeUndefined();
  });

  it('PostgreSQL without any DATABASE_URL fails, saying how to start a server', async () => {
    vi.stubEnv('DATABASE_URL', '');
    const attempt = provisionDatabase(dir, options('postgres'), dir);
    await expect(attempt).rejects.toBeInstanceOf(CheckFailure);
    await expect(attempt).rejects.toThrow(/DATABASE_URL is set neither in the environment nor in .*docker compose up -d/);
  });

  it("PostgreSQL without the project's pg driver fails, saying to install", async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://app:app@127.0.0.1:1/app');
    await expect(provisionDatabase(dir, options('postgres'), dir)).rejects.toThrow(/cannot load the project's pg driver \(run npm install/);
  });
});
