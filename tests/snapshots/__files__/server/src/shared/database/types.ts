/**
 * The database as the rest of the server sees it: async, `?` placeholders, plain rows. Nothing
 * outside `database.ts` knows the driver (SQLite or PostgreSQL), so repositories, the migrator and
 * their tests run unchanged on either.
 */
export type SqlValue = string | number | bigint | Uint8Array | null;
export type SqlRow = Record<string, SqlValue>;

export interface Queryable {
  /** All rows of a SELECT (or of a statement with RETURNING). */
  query<Row extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The first row of a SELECT, or undefined. */
  get<Row extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  /** An INSERT, UPDATE or DELETE; `changes` is the number of rows it touched. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** One or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /**
   * Runs `work` in a transaction: committed when it resolves, rolled back when it throws. Use only
   * `tx` inside: the database itself is another connection (or, on SQLite, waits for the end).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Resolves when the database answers; readiness checks use it. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
