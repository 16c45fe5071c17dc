import type { PasswordHasher } from '../../src/auth/password.js';
import type { UserRecord, UserRepository } from '../../src/auth/users.js';

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

/** Reversible "hashing": the services' logic is under test, not scrypt. */
export const plainTextHasher: PasswordHasher = {
  hash: async (password) => `plain$${password}`,
  verify: async (password, stored) => stored === `plain$${password}`,
};
