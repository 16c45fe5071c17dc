import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { dropDatabase } from './drop-database.js';
import './postgres-context.js';

/** A throwaway database for one test server or test file. */
export interface TestDatabase {
  /** Its DATABASE_URL. */
  url: string;
  /** Deletes it; safe to call twice. */
  drop(): Promise<void>;
}

/** Runs on the test server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresServerUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on the server the global setup checked (postgres.global-setup.ts), so test
 * files run in parallel without seeing each other's rows. Named with the run's prefix: the global
 * teardown drops whatever a crashed test left behind.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${inject('postgresDatabasePrefix')}_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(inject('postgresServerUrl'));
  url.pathname = `/${name}`;
  let dropped: Promise<unknown> | undefined;
  return {
    url: url.toString(),
    drop: async () => {
      dropped ??= onServer((client) => dropDatabase(client, name));
      await dropped;
    },
  };
}
