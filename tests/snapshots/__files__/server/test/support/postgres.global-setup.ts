import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dropDatabase } from './drop-database.js';
import './postgres-context.js';

const ENV_FILE = new URL('../../../.env', import.meta.url);

/**
 * The server the tests run against: TEST_DATABASE_URL, else the server of `.env`'s DATABASE_URL
 * (connecting to its `postgres` database, since the app's own database may not exist yet).
 */
function serverUrl(): { url: string; from: string } {
  const explicit = process.env.TEST_DATABASE_URL;
  if (explicit) return { url: explicit, from: 'TEST_DATABASE_URL' };
  const fromFile = existsSync(ENV_FILE) ? parseEnv(readFileSync(ENV_FILE, 'utf8')).DATABASE_URL : undefined;
  const fromEnv = process.env.DATABASE_URL ?? fromFile;
  if (!fromEnv) throw new Error(`No PostgreSQL server for the tests: set TEST_DATABASE_URL.\n${HOW_TO_START}`);
  const url = new URL(fromEnv);
  url.pathname = '/postgres';
  return { url: url.toString(), from: process.env.DATABASE_URL ? 'DATABASE_URL' : '.env DATABASE_URL' };
}

const HOW_TO_START = `Start one, then run the tests again:
  - with Docker: \`docker compose up -d\` (compose.yaml; matches .env's DATABASE_URL), or
  - with Debian's package: \`sudo apt-get install postgresql && sudo service postgresql start\`, then
    \`sudo -u postgres psql -c "CREATE ROLE app LOGIN CREATEDB PASSWORD 'app'"\`, or
  - point TEST_DATABASE_URL at any server whose role may CREATE DATABASE,
    e.g. TEST_DATABASE_URL=postgres://app:app@127.0.0.1:5432/postgres npm test`;

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Runs once before the test files: checks the server answers and may create databases, and
 * never lets the suite pass by skipping when it does not. Each file then creates its own
 * throwaway databases (test/support/test-database.ts); the teardown drops any left over.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { url, from } = serverUrl();
  const prefix = `test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    const { rows } = await admin.query<{ can: boolean }>(
      'SELECT rolcreatedb OR rolsuper AS can FROM pg_roles WHERE rolname = current_user',
    );
    if (rows[0]?.can !== true) throw new Error('its role may not CREATE DATABASE (ALTER ROLE ... CREATEDB)');
  } catch (error) {
    await admin.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message || String(error) : String(error);
    throw new Error(
      `The tests need PostgreSQL, and ${redact(url)} (from ${from}) did not answer as needed: ${reason}\n${HOW_TO_START}`,
    );
  }
  await admin.end();
  project.provide('postgresServerUrl', url);
  project.provide('postgresDatabasePrefix', prefix);

  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`${prefix}\\_%`],
      );
      for (const { datname } of rows) await dropDatabase(client, datname);
    } finally {
      await client.end();
    }
  };
}
