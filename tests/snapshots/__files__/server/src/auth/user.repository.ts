import type { Queryable } from '../shared/database/database.js';
import type { UserRecord, UserRepository } from './users.js';

type UserRow = { id: string; email: string; password_hash: string; created_at: string };

const COLUMNS = 'id, email, password_hash, created_at';

function toRecord(row: UserRow): UserRecord {
  return { id: row.id, email: row.email, passwordHash: row.password_hash, createdAt: row.created_at };
}

export class SqlUserRepository implements UserRepository {
  constructor(private readonly db: Queryable) {}

  async insert(user: UserRecord): Promise<boolean> {
    // The unique index decides, so two concurrent sign-ups with one email cannot both succeed.
    const { changes } = await this.db.run(
      'INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
      [user.id, user.email, user.passwordHash, user.createdAt],
    );
    return changes === 1;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.db.get<UserRow>(`SELECT ${COLUMNS} FROM users WHERE email = ?`, [email]);
    return row === undefined ? null : toRecord(row);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const row = await this.db.get<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`, [id]);
    return row === undefined ? null : toRecord(row);
  }
}
