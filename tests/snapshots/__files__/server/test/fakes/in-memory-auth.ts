import type {
  RefreshTokenRecord,
  RefreshTokenRepository,
  UserRecord,
  UserRepository,
} from '../../src/auth/auth.service.js';
import type { PasswordHasher } from '../../src/auth/password.js';

export class InMemoryUserRepository implements UserRepository {
  readonly users: UserRecord[] = [];

  async insert(user: UserRecord): Promise<boolean> {
    if (this.users.some((existing) => existing.email === user.email)) return false;
    this.users.push(user);
    return true;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    return this.users.find((user) => user.email === email) ?? null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    return this.users.find((user) => user.id === id) ?? null;
  }
}

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
    for (const token of this.tokens) if (token.familyId === familyId && token.revokedAt === null) token.revokedAt = revokedAt;
  }
}

/** Reversible "hashing": the service's logic is under test here, not scrypt. */
export const plainTextHasher: PasswordHasher = {
  hash: async (password) => `plain$${password}`,
  verify: async (password, stored) => stored === `plain$${password}`,
};
