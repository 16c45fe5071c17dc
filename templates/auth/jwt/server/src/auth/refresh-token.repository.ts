import type { Database, Queryable } from '../shared/database/database.js';
import type { RefreshTokenRecord, RefreshTokenRepository } from './auth.service.js';

type RefreshTokenRow = {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: string;
  revoked_at: string | null;
  replaced_by: string | null;
  created_at: string;
};

const COLUMNS = 'id, user_id, family_id, token_hash, expires_at, revoked_at, replaced_by, created_at';

function toRecord(row: RefreshTokenRow): RefreshTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    familyId: row.family_id,
    tokenHash: row.token_hash,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    replacedBy: row.replaced_by,
    createdAt: row.created_at,
  };
}

async function insertToken(db: Queryable, token: RefreshTokenRecord): Promise<void> {
  await db.run(`INSERT INTO refresh_tokens (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
    token.id,
    token.userId,
    token.familyId,
    token.tokenHash,
    token.expiresAt,
    token.revokedAt,
    token.replacedBy,
    token.createdAt,
  ]);
}

/** Refresh tokens by hash: the raw token never reaches the database. */
export class SqlRefreshTokenRepository implements RefreshTokenRepository {
  constructor(private readonly db: Database) {}

  insert(token: RefreshTokenRecord): Promise<void> {
    return insertToken(this.db, token);
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const row = await this.db.get<RefreshTokenRow>(`SELECT ${COLUMNS} FROM refresh_tokens WHERE token_hash = ?`, [
      tokenHash,
    ]);
    return row === undefined ? null : toRecord(row);
  }

  rotate(currentId: string, next: RefreshTokenRecord, revokedAt: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run('UPDATE refresh_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
        revokedAt,
        currentId,
      ]);
      if (changes !== 1) return false;
      await insertToken(tx, next);
      // Set after the insert: `replaced_by` references the new row.
      await tx.run('UPDATE refresh_tokens SET replaced_by = ? WHERE id = ?', [next.id, currentId]);
      return true;
    });
  }

  async revokeFamily(familyId: string, revokedAt: string): Promise<void> {
    await this.db.run('UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL', [
      revokedAt,
      familyId,
    ]);
  }
}
