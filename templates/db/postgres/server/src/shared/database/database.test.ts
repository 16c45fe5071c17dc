import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { ConflictError, ServiceUnavailableError } from '../errors.js';
import { openPostgresDatabase, toPositional, type Database } from './database.js';

const settings = (url: string) => ({
  url,
  poolMax: 4,
  connectionTimeoutMs: 2_000,
  idleTimeoutMs: 1_000,
  statementTimeoutMs: 5_000,
});

describe('toPositional', () => {
  it('numbers ? placeholders in order', () => {
    expect(toPositional('SELECT * FROM t WHERE a = ? AND (b, c) < (?, ?) LIMIT ?')).toBe(
      'SELECT * FROM t WHERE a = $1 AND (b, c) < ($2, $3) LIMIT $4',
    );
  });

  it('leaves ? alone in literals, quoted identifiers, dollar quotes and comments', () => {
    const sql = `SELECT 'it''s?', "odd?col", $$a?b$$, $x$?$x$ -- why?\nFROM t /* really? */ WHERE a = ?`;
    expect(toPositional(sql)).toBe(
      `SELECT 'it''s?', "odd?col", $$a?b$$, $x$?$x$ -- why?\nFROM t /* really? */ WHERE a = $1`,
    );
  });
});

describe('PostgreSQL database', () => {
  let testDatabase: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    testDatabase = await createTestDatabase();
    db = openPostgresDatabase(settings(testDatabase.url));
    await db.exec(
      'CREATE TABLE items (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL UNIQUE, big BIGINT, at TIMESTAMPTZ)',
    );
  });
  afterEach(async () => {
    await db.close();
    await testDatabase.drop();
  });

  it('runs parameterised statements', async () => {
    expect(await db.run('INSERT INTO items (name) VALUES (?), (?)', ['a', 'b'])).toEqual({ changes: 2 });
    expect(await db.query<{ name: string }>('SELECT name FROM items ORDER BY name')).toEqual([
      { name: 'a' },
      { name: 'b' },
    ]);
    expect(await db.get('SELECT name FROM items WHERE name = ?', ['zzz'])).toBeUndefined();
  });

  it('returns the value shapes SQLite returns: numbers, and text for everything else', async () => {
    await db.run("INSERT INTO items (name, big, at) VALUES ('a', 42, '2030-01-02T03:04:05Z')");
    const row = await db.get(
      'SELECT id, big, at, count(*) OVER () AS total, 9007199254740993::int8 AS huge FROM items',
    );
    expect(row).toEqual({
      id: 1,
      big: 42,
      at: expect.stringMatching(/^2030-01-02 03:04:05/),
      total: 1,
      huge: 9007199254740993n,
    });
  });

  it('turns a unique violation into a ConflictError', async () => {
    await db.run('INSERT INTO items (name) VALUES (?)', ['a']);
    await expect(db.run('INSERT INTO items (name) VALUES (?)', ['a'])).rejects.toBeInstanceOf(ConflictError);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO items (name) VALUES (?)', ['kept']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO items (name) VALUES (?)', ['dropped']);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.query('SELECT name FROM items')).toEqual([{ name: 'kept' }]);
  });

  it('keeps a transaction on one connection, invisible to others until it commits', async () => {
    let seenOutside: unknown[] = [];
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO items (name) VALUES (?)', ['pending']);
      expect(await tx.query('SELECT name FROM items')).toEqual([{ name: 'pending' }]);
      seenOutside = await db.query('SELECT name FROM items');
    });
    expect(seenOutside).toEqual([]);
    expect(await db.query('SELECT name FROM items')).toEqual([{ name: 'pending' }]);
  });

  it('pings while open and fails as unavailable once closed', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
    await db.close();
    await expect(db.ping()).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(db.close()).resolves.toBeUndefined();
  });

  it('fails as unavailable when the server cannot be reached', async () => {
    const unreachable = openPostgresDatabase({
      ...settings('postgres://app:app@127.0.0.1:1/none'),
      connectionTimeoutMs: 500,
    });
    try {
      await expect(unreachable.ping()).rejects.toBeInstanceOf(ServiceUnavailableError);
      await expect(unreachable.transaction(async () => undefined)).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      await unreachable.close();
    }
  });
});
