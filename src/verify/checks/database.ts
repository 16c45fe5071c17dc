/**
 * Step 4.2 (start): the database the checks run against. SQLite: a file in Step 4's temp folder.
 * PostgreSQL: a throwaway database created on the server named by DATABASE_URL (the environment
 * first, then the project's `.env`), dropped afterwards whatever happened. `pg` is the generated
 * project's own (never bundled into the CLI), typed here by the few calls made.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseEnv } from 'node:util';
import type { ProjectOptions } from '../../options/questions.js';
import { errorMessage, fail } from '../runner.js';

export interface VerifyDatabase {
  /** DATABASE_URL for the migrations and the server. */
  url: string;
  /** What the start phase reports. */
  detail: string;
  /** Removes it; never throws (a database it cannot drop is named in a process warning, not as a check). */
  drop(): Promise<void>;
}

/** A PostgreSQL throwaway database, which Step 4 can also take away from the server using it. */
export interface VerifyPostgresDatabase extends VerifyDatabase {
  /**
   * An outage as a server sees it: new connections are refused (`ALLOW_CONNECTIONS false`, which
   * the owner may set) and the open ones are ended; resolves with what was done.
   */
  refuseConnections(): Promise<string>;
}

interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
type PgClientConstructor = new (config: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient;

function loadPg(dir: string): PgClientConstructor {
  const require = createRequire(path.join(dir, 'server', 'package.json'));
  let mod: unknown;
  try {
    mod = require('pg');
  } catch (error) {
    fail(`cannot load the project's pg driver (run npm install in ${dir}): ${errorMessage(error)}`);
  }
  const client = typeof mod === 'object' && mod !== null && 'Client' in mod ? mod.Client : undefined;
  if (typeof client !== 'function') fail("the project's pg module has no Client");
  return client as PgClientConstructor;
}

/** DATABASE_URL from the environment, else from the project's `.env`. */
export function configuredDatabaseUrl(dir: string, env: NodeJS.ProcessEnv = process.env): { url: string; from: string } | undefined {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, from: 'the DATABASE_URL environment variable' };
  const file = path.join(dir, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')).DATABASE_URL : undefined;
  return fromFile ? { url: fromFile, from: `${file}` } : undefined;
}

function redact(url: URL): string {
  const copy = new URL(url);
  if (copy.password) copy.password = '***';
  return copy.toString();
}

const HOW_TO_START =
  'start PostgreSQL (in the project: `docker compose up -d`; or `bash scripts/postgres.sh` from create-fullstack-app\'s repository) ' +
  'or point DATABASE_URL at a server whose role may CREATE DATABASE';

const INSUFFICIENT_PRIVILEGE = '42501';
const DROP_ATTEMPTS = 25;
const DROP_RETRY_DELAY_MS = 200;

/**
 * FORCE: a server killed by a check may leave connections behind. FORCE refuses (42501) while a
 * backend this role may not end is connected, such as an autovacuum worker visiting the fresh
 * database (it has no role) and gone within moments: that refusal is retried for 5 s.
 */
async function dropDatabase(Client: PgClientConstructor, server: URL, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await onServer(Client, server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      if (code !== INSUFFICIENT_PRIVILEGE || attempt === DROP_ATTEMPTS) throw error;
      await delay(DROP_RETRY_DELAY_MS);
    }
  }
}

/** Runs one statement on the server's `postgres` maintenance database. */
async function onServer(Client: PgClientConstructor, server: URL, sql: string): Promise<void> {
  const client = new Client({ connectionString: server.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function provisionDatabase(dir: string, options: ProjectOptions, tempDir: string): Promise<VerifyDatabase> {
  if (options.db === 'sqlite') {
    const file = path.resolve(tempDir, 'verify.db');
    return { url: `file:${file}`, detail: `SQLite file ${file}`, drop: async () => undefined };
  }
  return provisionPostgres(dir);
}

export async function provisionPostgres(dir: string): Promise<VerifyPostgresDatabase> {
  const configured = configuredDatabaseUrl(dir);
  if (!configured) fail(`no PostgreSQL server: DATABASE_URL is set neither in the environment nor in ${path.join(dir, '.env')}; ${HOW_TO_START}`);
  let server: URL;
  try {
    server = new URL(configured.url);
  } catch {
    fail(`DATABASE_URL from ${configured.from} is not a URL`);
  }
  server.pathname = '/postgres';
  const Client = loadPg(dir);
  const name = `cfa_verify_${randomBytes(6).toString('hex')}`;
  try {
    await onServer(Client, server, `CREATE DATABASE "${name}"`);
  } catch (error) {
    fail(`cannot create a throwaway database on ${redact(server)} (DATABASE_URL from ${configured.from}): ${errorMessage(error)}; ${HOW_TO_START}`);
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    detail: `throwaway PostgreSQL database ${name} on ${server.host}`,
    drop: () =>
      dropDatabase(Client, server, name).catch((error: unknown) => {
        process.emitWarning(`could not drop the throwaway database ${name} on ${redact(server)}: ${errorMessage(error)}`);
      }),
    async refuseConnections() {
      await onServer(Client, server, `ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      // The app's own connections: an autovacuum worker may be there too, and only a superuser may end it.
      await onServer(
        Client,
        server,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND usename = current_user AND pid <> pg_backend_pid()`,
      );
      return `closed PostgreSQL database ${name} to connections and ended the open ones`;
    },
  };
}
