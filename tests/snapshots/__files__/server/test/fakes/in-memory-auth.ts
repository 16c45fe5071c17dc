import type { RefreshTokenRecord, RefreshTokenRepository } from '../../src/auth/auth.service.js';

export { InMemoryUserRepository, plainTextHasher } from './in-memory-users.js';

export class InMemoryRefreshTokenRepository implements RefreshTokenRepository {
  readonly tokens: RefreshTokenRecord[] = [];

  async insert(token: RefreshTokenRecord): Promise<void> {
    this.tokens.push({ ...token });
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const token = this.tokens.find((candidate) => candidate.tokenHash === tokenHash);
    return token === undefined ? null : { ...token };
  }

  async rotate(currentId: string, next: RefreshTokenRecord, revokedAt: string): Promise<boolean> {
    const current = this.tokens.find((token) => token.id === currentId);
    if (current === undefined || current.revokedAt !== null) return false;
    current.revokedAt = revokedAt;
    current.replacedBy = next.id;
    this.tokens.push({ ...next });
    return true;
  }

  async revokeFamily(familyId: string, revokedAt: string): Promise<void> {
    for (const token of this.tokens)
      if (token.familyId === familyId && token.revokedAt === null) token.revokedAt = revokedAt;
  }
}
