import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import type { Migration } from './migrations.js';

export interface AppliedMigration {
  id: number;
  name: string;
  appliedAt: string;
}

type AppliedRow = { id: number; name: string; applied_at: string };

/**
 * Applies and rolls back migrations, recording each in `schema_migrations`. Every step runs in its
 * own transaction together with its bookkeeping row, so a failed step leaves no trace.
 */
export class Migrator {
  constructor(
    private readonly database: Database,
    private readonly migrations: readonly Migration[],
    private readonly logger: Logger,
  ) {
    migrations.forEach((migration, index) => {
      const previous = migrations[index - 1];
      if (previous !== undefined && migration.id <= previous.id) {
        throw new Error(`migration ${migration.id} (${migration.name}) must come after ${previous.id}: ids increase`);
      }
    });
  }

  async applied(): Promise<AppliedMigration[]> {
    await this.ensureTable();
    const rows = await this.database.query<AppliedRow>('SELECT id, name, applied_at FROM schema_migrations ORDER BY id');
    return rows.map((row) => ({ id: row.id, name: row.name, appliedAt: row.applied_at }));
  }

  async pending(): Promise<Migration[]> {
    const applied = new Set((await this.applied()).map((migration) => migration.id));
    return this.migrations.filter((migration) => !applied.has(migration.id));
  }

  /** Applies every pending migration in order; returns those it applied. */
  async up(): Promise<Migration[]> {
    const pending = await this.pending();
    for (const migration of pending) {
      await this.database.transaction(async (tx) => {
        await tx.exec(migration.up);
        await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [
          migration.id,
          migration.name,
          new Date().toISOString(),
        ]);
      });
      this.logger.info({ migration: migration.id, name: migration.name }, 'migration applied');
    }
    if (pending.length === 0) this.logger.info('database schema is up to date');
    return pending;
  }

  /** Rolls back the latest applied migration; returns it, or null when none is applied. */
  async down(): Promise<Migration | null> {
    const latest = (await this.applied()).at(-1);
    if (latest === undefined) {
      this.logger.info('no migration to roll back');
      return null;
    }
    const migration = this.migrations.find((candidate) => candidate.id === latest.id);
    if (migration === undefined) {
      throw new Error(`migration ${latest.id} (${latest.name}) is applied but unknown to this code: cannot roll it back`);
    }
    await this.database.transaction(async (tx) => {
      await tx.exec(migration.down);
      await tx.run('DELETE FROM schema_migrations WHERE id = ?', [migration.id]);
    });
    this.logger.info({ migration: migration.id, name: migration.name }, 'migration rolled back');
    return migration;
  }

  private async ensureTable(): Promise<void> {
    await this.database.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
    );
  }
}
