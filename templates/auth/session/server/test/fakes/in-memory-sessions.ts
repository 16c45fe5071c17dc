import type { SessionRecord, SessionRepository } from '../../src/auth/auth.service.js';

export { InMemoryUserRepository, plainTextHasher } from './in-memory-users.js';

export class InMemorySessionRepository implements SessionRepository {
  readonly sessions: SessionRecord[] = [];

  async insert(session: SessionRecord): Promise<void> {
    this.sessions.push({ ...session });
  }

  async findById(id: string): Promise<SessionRecord | null> {
    const session = this.sessions.find((candidate) => candidate.id === id);
    return session === undefined ? null : { ...session };
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    const session = this.sessions.find((candidate) => candidate.id === id);
    if (session !== undefined) session.lastSeenAt = lastSeenAt;
  }

  async delete(id: string): Promise<void> {
    this.remove((session) => session.id === id);
  }

  async deleteForUser(userId: string): Promise<number> {
    return this.remove((session) => session.userId === userId);
  }

  async deleteExpired(now: string, idleBefore: string): Promise<number> {
    return this.remove((session) => session.expiresAt <= now || session.lastSeenAt <= idleBefore);
  }

  private remove(match: (session: SessionRecord) => boolean): number {
    const before = this.sessions.length;
    const kept = this.sessions.filter((session) => !match(session));
    this.sessions.splice(0, this.sessions.length, ...kept);
    return before - kept.length;
  }
}
