import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ServiceUnavailableError } from '../errors.js';
import { openSqliteDatabase, type Database } from './database.js';

describe('SQLite database', () => {
  let dir: string;
  let db: Database;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'db-test-'));
    // A nested folder that does not exist yet: opening creates it.
    db = await openSqliteDatabase({ file: path.join(dir, 'nested', 'app.db') });
    await db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs parameterised statements', async () => {
    expect(await db.run('INSERT INTO items (name) VALUES (?), (?)', ['a', 'b'])).toEqual({ changes: 2 });
    expect(await db.query<{ name: string }>('SELECT name FROM items ORDER BY name')).toEqual([
      { name: 'a' },
      { name: 'b' },
    ]);
    expect(await db.get('SELECT name FROM items WHERE name = ?', ['zzz'])).toBeUndefined();
  });

  it('turns a unique violation into a ConflictError', async () => {
    await db.exec('CREATE UNIQUE INDEX items_name_idx ON items (name)');
    await db.run('INSERT INTO items (name) VALUES (?)', ['a']);
    await expect(db.run('INSERT INTO items (name) VALUES (?)', ['a'])).rejects.toBeInstanceOf(ConflictError);
  });

  it('enforces foreign keys', async () => {
    await db.exec('CREATE TABLE tags (item_id INTEGER NOT NULL REFERENCES items (id)) STRICT');
    await expect(db.run('INSERT INTO tags (item_id) VALUES (?)', [999])).rejects.toThrow(/FOREIGN KEY/);
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

  it('never lets another statement in between the statements of a transaction', async () => {
    const order: string[] = [];
    const transaction = db.transaction(async (tx) => {
      await tx.run('INSERT INTO items (name) VALUES (?)', ['tx-1']);
      order.push('tx-1');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.run('INSERT INTO items (name) VALUES (?)', ['tx-2']);
      order.push('tx-2');
    });
    const outside = db.run('INSERT INTO items (name) VALUES (?)', ['outside']).then(() => order.push('outside'));
    await Promise.all([transaction, outside]);
    expect(order).toEqual(['tx-1', 'tx-2', 'outside']);
  });

  it('pings while open and fails as unavailable once closed', async () => {
    await expect(db.ping()).resolves.toBeUndefined();
    await db.close();
    await expect(db.ping()).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(db.close()).resolves.toBeUndefined();
  });

  it('fails the ping as unavailable once its file is removed (readiness then answers 503)', async () => {
    rmSync(path.join(dir, 'nested'), { recursive: true });
    await expect(db.ping()).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
