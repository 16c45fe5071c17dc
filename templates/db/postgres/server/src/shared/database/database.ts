import pg from 'pg';
import { ConflictError, ServiceUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Database, Queryable, SqlRow, SqlValue } from './types.js';

export type { Database, Queryable, SqlRow, SqlValue } from './types.js';

export interface PostgresOptions {
  /** `postgres://user:password@host:5432/database` */
  url: string;
  /** Most connections this process opens; requests beyond wait for a free one. */
  poolMax: number;
  /** How long to wait for a connection (from the server or the pool) before failing as unavailable. */
  connectionTimeoutMs: number;
  /** An idle connection is closed after this long. */
  idleTimeoutMs: number;
  /** The server cancels a statement that runs longer (a runaway query never holds a connection for good). */
  statementTimeoutMs: number;
  /** Shown in pg_stat_activity, so a DBA can tell which service holds a connection. */
  applicationName?: string;
}

/**
 * `?` placeholders, as repositories write them, to PostgreSQL's `$1, $2, ...`. A `?` inside a
 * string literal, a quoted identifier, a dollar-quoted body or a comment is left alone.
 */
export function toPositional(sql: string): string {
  let out = '';
  let index = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i]!;
    const next = sql[i + 1];
    let end: number;
    if (char === "'" || char === '"') {
      // A doubled quote is an escaped quote, so scanning to the next quote and continuing is right.
      end = sql.indexOf(char, i + 1);
      end = end === -1 ? sql.length : end + 1;
    } else if (char === '-' && next === '-') {
      end = sql.indexOf('\n', i);
      end = end === -1 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      end = sql.indexOf('*/', i + 2);
      end = end === -1 ? sql.length : end + 2;
    } else if (char === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      end = sql.indexOf(tag, i + tag.length);
      end = end === -1 ? sql.length : end + tag.length;
    } else {
      out += char === '?' ? `$${++index}` : char;
      i += 1;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  return out;
}

const NUMBER_TYPES = new Set<number>([
  pg.types.builtins.INT2,
  pg.types.builtins.INT4,
  pg.types.builtins.OID,
  pg.types.builtins.FLOAT4,
  pg.types.builtins.FLOAT8,
]);

/**
 * Rows come back as `SqlValue`s, the shapes SQLite returns: numbers for integer and float columns,
 * a bigint only for an int8 beyond 2^53, bytes for bytea, and the server's text for every other
 * type (timestamps stay strings, never a Date in the server's time zone).
 */
const sqlValueTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (NUMBER_TYPES.has(oid)) return Number;
    if (oid === pg.types.builtins.INT8) {
      return (value: string) => (Number.isSafeInteger(Number(value)) ? Number(value) : BigInt(value));
    }
    if (oid === pg.types.builtins.BYTEA) return pg.types.getTypeParser(oid, format);
    return (value: string) => value;
  },
};

/** SQLSTATE classes and Node error codes that mean "the database cannot be reached", not "the query is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
]);

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Driver errors a caller can act on become typed errors; anything else (a bug in SQL) stays as it is. */
export function toAppError(error: unknown): unknown {
  const code = codeOf(error);
  if (code === '23505') return new ConflictError('A record with the same unique value already exists.', error);
  if (
    (code !== undefined && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) ||
    // pg-pool's connection timeout and a connection lost mid-query carry no code.
    (error instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(error.message))
  ) {
    return new ServiceUnavailableError('The database is unavailable.', error);
  }
  return error;
}

/** Runs statements on a pool (one connection per statement) or on one client (a transaction). */
class PgQueryable implements Queryable {
  constructor(private readonly target: pg.Pool | pg.PoolClient) {}

  async query<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    // The one unchecked step: rows are typed by the SQL the caller wrote.
    return (await this.send(sql, params)).rows as Row[];
  }

  async get<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await this.query<Row>(sql, params))[0];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.send(sql, params)).rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    // No parameters: the simple protocol, which accepts several statements at once.
    try {
      await this.target.query(sql);
    } catch (error) {
      throw toAppError(error);
    }
  }

  private async send(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    try {
      return await this.target.query(toPositional(sql), [...params]);
    } catch (error) {
      throw toAppError(error);
    }
  }
}

/**
 * A `pg.Pool` behind the server's `Database` interface. Statements outside a transaction take any
 * free connection; a transaction holds one connection from BEGIN to COMMIT, so other requests keep
 * running beside it (PostgreSQL's row locks, not a process-wide queue, order conflicting writes).
 */
class PostgresDatabase extends PgQueryable implements Database {
  private closing: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    this.assertOpen();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toAppError(error);
    }
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const result = await work(new PgQueryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is discarded rather than handed to the next request.
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError;
      });
      throw toAppError(error);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.get('SELECT 1 AS ok');
  }

  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }

  override query<Row extends SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    this.assertOpen();
    return super.query<Row>(sql, params);
  }

  override run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    this.assertOpen();
    return super.run(sql, params);
  }

  override exec(sql: string): Promise<void> {
    this.assertOpen();
    return super.exec(sql);
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new ServiceUnavailableError('The database is closed.');
  }
}

/** A pool over `url`; no connection is opened until the first statement (the caller pings to check). */
export function openPostgresDatabase(options: PostgresOptions, logger?: Logger): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    application_name: options.applicationName,
    types: sqlValueTypes,
  });
  // An idle connection dropped by the server (restart, failover) emits here; without a listener the
  // process would crash. The pool replaces it on the next checkout.
  pool.on('error', (error) => logger?.warn({ err: error }, 'idle database connection lost'));
  return new PostgresDatabase(pool);
}

/** The dialect-neutral entry point of main.ts, the migration CLI and the tests (`config.database`). */
export async function openDatabase(settings: PostgresOptions, logger: Logger): Promise<Database> {
  const database = openPostgresDatabase(settings, logger);
  logger.debug({ poolMax: settings.poolMax }, 'database pool created');
  return database;
}

/**
 * Creates the database of `settings.url` when it does not exist yet (the role needs CREATEDB), so
 * `npm run db:migrate` works on a fresh server. Connects to the server's `postgres` database for it.
 */
export async function createDatabaseIfMissing(settings: PostgresOptions, logger: Logger): Promise<void> {
  const probe = new pg.Client({
    connectionString: settings.url,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
  });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if (codeOf(error) !== '3D000') throw toAppError(error); // 3D000: invalid_catalog_name
  } finally {
    await probe.end().catch(() => undefined);
  }
  const url = new URL(settings.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: settings.connectionTimeoutMs,
  });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    logger.info({ database: name }, 'database created');
  } finally {
    await admin.end();
  }
}
