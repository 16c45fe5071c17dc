import type { Queryable } from '../shared/database/database.js';
import type { SessionRecord, SessionRepository } from './auth.service.js';

type SessionRow = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

const COLUMNS = 'id, user_id, csrf_token, created_at, last_seen_at, expires_at';

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

export class SqlSessionRepository implements SessionRepository {
  constructor(private readonly db: Queryable) {}

  async insert(session: SessionRecord): Promise<void> {
    await this.db.run(`INSERT INTO sessions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, [
      session.id,
      session.userId,
      session.csrfToken,
      session.createdAt,
      session.lastSeenAt,
      session.expiresAt,
    ]);
  }

  async findById(id: string): Promise<SessionRecord | null> {
    const row = await this.db.get<SessionRow>(`SELECT ${COLUMNS} FROM sessions WHERE id = ?`, [id]);
    return row === undefined ? null : toRecord(row);
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    await this.db.run('UPDATE sessions SET last_seen_at = ? WHERE id = ?', [lastSeenAt, id]);
  }

  async delete(id: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE id = ?', [id]);
  }

  async deleteForUser(userId: string): Promise<number> {
    return (await this.db.run('DELETE FROM sessions WHERE user_id = ?', [userId])).changes;
  }

  async deleteExpired(now: string, idleBefore: string): Promise<number> {
    // ISO 8601 UTC strings compare in time order.
    return (await this.db.run('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?', [now, idleBefore]))
      .changes;
  }
}
