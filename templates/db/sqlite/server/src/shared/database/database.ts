import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { ConflictError, ServiceUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Database, Queryable, SqlRow, SqlValue } from './types.js';

export type { Database, Queryable, SqlRow, SqlValue } from './types.js';

export interface SqliteOptions {
  /** Path of the database file, or `:memory:`. Its folder is created when missing. */
  file: string;
  /** How long a statement waits for another process's lock (e.g. the migration CLI). */
  busyTimeoutMs?: number;
}

/** Runs tasks one at a time, in order. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * "Connection pooling" for SQLite is one connection per process: the driver is synchronous and a
 * write locks the whole file, so more connections would only contend for that lock. Every
 * statement and every transaction goes through one queue, so the statements of an async
 * transaction never interleave with another request's. (No WAL: this WebAssembly build has no
 * shared memory, so SQLite keeps its rollback journal.)
 */
class SqliteDatabase implements Database {
  private readonly queue = new SerialQueue();
  private closed = false;

  constructor(
    private readonly db: sqlite.Database,
    /** The opened file's identity; undefined for `:memory:`. */
    private readonly file?: { path: string; dev: number; ino: number },
  ) {}

  query<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.queue.run(() => this.direct.query<Row>(sql, params));
  }

  get<Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return this.queue.run(() => this.direct.get<Row>(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return this.queue.run(() => this.direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.queue.run(() => this.direct.exec(sql));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      this.assertOpen();
      // IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading a read lock.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /**
   * An open handle keeps answering after its file is deleted or replaced, and `SELECT 1` never
   * reads the file: check that the path still leads to the opened file, then read its schema.
   */
  ping(): Promise<void> {
    return this.queue.run(() => {
      this.assertOpen();
      if (this.file) {
        const now = statSync(this.file.path, { throwIfNoEntry: false });
        if (now?.dev !== this.file.dev || now.ino !== this.file.ino) {
          throw new ServiceUnavailableError(`The database file ${this.file.path} was removed or replaced.`);
        }
      }
      this.db.get('SELECT count(*) AS tables FROM sqlite_schema');
    });
  }

  close(): Promise<void> {
    return this.queue.run(() => {
      if (this.closed) return;
      this.closed = true;
      this.db.close();
    });
  }

  /** Statements run straight on the connection: for code that already holds the queue. */
  private readonly direct: Queryable = {
    query: async <Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) =>
      // The one unchecked step: rows are typed by the SQL the caller wrote.
      this.guard(() => this.db.all(sql, [...params]) as Row[]),
    get: async <Row extends SqlRow>(sql: string, params: readonly SqlValue[] = []) =>
      this.guard(() => (this.db.get(sql, [...params]) ?? undefined) as Row | undefined),
    run: async (sql: string, params: readonly SqlValue[] = []) =>
      this.guard(() => ({ changes: this.db.run(sql, [...params]).changes })),
    exec: async (sql: string) => this.guard(() => this.db.exec(sql)),
  };

  /** Runs one statement on the open connection; a unique violation becomes a ConflictError, as on PostgreSQL. */
  private guard<T>(statement: () => T): T {
    this.assertOpen();
    try {
      return statement();
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('UNIQUE constraint failed')) {
        throw new ConflictError('A record with the same unique value already exists.', error);
      }
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new ServiceUnavailableError('The database is closed.');
  }
}

export async function openSqliteDatabase({ file, busyTimeoutMs = 5_000 }: SqliteOptions): Promise<Database> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new sqlite.Database(file);
  db.exec(`PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)};`);
  if (file === ':memory:') return new SqliteDatabase(db);
  const { dev, ino } = statSync(file);
  return new SqliteDatabase(db, { path: file, dev, ino });
}

/** The dialect-neutral entry point of main.ts, the migration CLI and the tests (`config.database`). */
export async function openDatabase(settings: SqliteOptions, logger: Logger): Promise<Database> {
  const database = await openSqliteDatabase(settings);
  logger.debug({ file: settings.file }, 'database opened');
  return database;
}
