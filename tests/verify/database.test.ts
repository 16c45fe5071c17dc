/** Step 4's database for each engine: where it comes from, and a clear failure when there is none. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectOptions } from '../../src/options/schema.js';
import { configuredDatabaseUrl, provisionDatabase, provisionPostgres } from '../../src/verify/checks/database.js';
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
    vi.restoreAllMocks();
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

  describe('PostgreSQL with a stand-in for the project\'s pg driver', () => {
    interface FakeServer {
      statements: string[];
      /** Error codes the next DROP statements fail with, in order. */
      dropErrors: string[];
    }
    const fake = (): FakeServer => (globalThis as { __fakePgServer?: FakeServer }).__fakePgServer!;

    beforeEach(async () => {
      (globalThis as { __fakePgServer?: FakeServer }).__fakePgServer = { statements: [], dropErrors: [] };
      const pg = path.join(dir, 'server', 'node_modules', 'pg');
      await mkdir(pg, { recursive: true });
      await writeFile(path.join(dir, 'server', 'package.json'), '{"name":"server"}');
      await writeFile(
        path.join(pg, 'index.js'),
        `class Client {
  async connect() {}
  async query(sql) {
    const server = globalThis.__fakePgServer;
    server.statements.push(sql);
    const code = sql.startsWith('DROP') ? server.dropErrors.shift() : undefined;
    if (code) throw Object.assign(new Error('refused with ' + code), { code });
  }
  async end() {}
}
module.exports = { Client };
`,
      );
      vi.stubEnv('DATABASE_URL', 'postgres://app:secret@127.0.0.1:5432/app');
    });

    it('retries a drop FORCE refuses for a backend it may not end (an autovacuum worker), then drops', async () => {
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
      const database = await provisionPostgres(dir);
      fake().dropErrors.push('42501', '42501');
      await database.drop();
      const drops = fake().statements.filter((sql) => sql.startsWith('DROP'));
      expect(drops).toHaveLength(3);
      expect(drops[0]).toMatch(/^DROP DATABASE IF EXISTS "cfa_verify_[0-9a-f]{12}" WITH \(FORCE\)$/);
      expect(warn).not.toHaveBeenCalled();
    });

    it('names a database it could not drop in a warning, without a password, and does not throw', async () => {
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
      const database = await provisionPostgres(dir);
      fake().dropErrors.push('55006');
      await expect(database.drop()).resolves.toBeUndefined();
      expect(fake().statements.filter((sql) => sql.startsWith('DROP'))).toHaveLength(1);
      expect(warn).toHaveBeenCalledTimes(1);
      const message = String(warn.mock.calls[0]?.[0]);
      expect(message).toMatch(/could not drop the throwaway database cfa_verify_[0-9a-f]{12} on postgres:\/\/app:\*\*\*@127\.0\.0\.1:5432\/postgres: refused with 55006/);
      expect(message).not.toContain('secret');
    });

    it('an outage refuses new connections and ends only the app role\'s own', async () => {
      const database = await provisionPostgres(dir);
      await database.refuseConnections();
      const [refuse, terminate] = fake().statements.slice(-2);
      expect(refuse).toMatch(/^ALTER DATABASE "cfa_verify_[0-9a-f]{12}" ALLOW_CONNECTIONS false$/);
      expect(terminate).toMatch(/pg_terminate_backend\(pid\) FROM pg_stat_activity WHERE datname = 'cfa_verify_[0-9a-f]{12}' AND usename = current_user AND pid <> pg_backend_pid\(\)$/);
    });
  });
});
