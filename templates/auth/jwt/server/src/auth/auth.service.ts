import { randomUUID } from 'node:crypto';
import type { Credentials, User } from '@app/shared';
import { ConflictError, UnauthorizedError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { PasswordHasher } from './password.js';
import { generateRefreshToken, hashRefreshToken } from './refresh-tokens.js';
import { INVALID_CREDENTIALS, toUser, type UserRecord, type UserRepository } from './users.js';

export { INVALID_CREDENTIALS, type UserRecord, type UserRepository } from './users.js';

/**
 * Accounts and sessions. A session is a short-lived access token plus a refresh token; refresh
 * tokens rotate on every use within their family (one family per login), and a rotated token used
 * again means it was stolen: the whole family is revoked. No HTTP in here: the controller turns
 * sessions into JSON and cookies.
 */

export interface RefreshTokenRecord {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: string;
  revokedAt: string | null;
  replacedBy: string | null;
  createdAt: string;
}

export interface RefreshTokenRepository {
  insert(token: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /**
   * In one transaction: revokes `currentId` if it is still active and stores `next` as its
   * replacement. False, with nothing stored, when `currentId` was already revoked.
   */
  rotate(currentId: string, next: RefreshTokenRecord, revokedAt: string): Promise<boolean>;
  /** Revokes every still-active token of the family. */
  revokeFamily(familyId: string, revokedAt: string): Promise<void>;
}

export interface AccessTokenIssuer {
  issue(userId: string): Promise<string>;
}

export interface AuthSession {
  user: User;
  accessToken: string;
  refreshToken: { value: string; expiresAt: Date };
}

export interface AuthServiceDependencies {
  users: UserRepository;
  refreshTokens: RefreshTokenRepository;
  passwords: PasswordHasher;
  accessTokens: AccessTokenIssuer;
  refreshTokenTtlDays: number;
  logger: Logger;
  clock?: () => Date;
  newId?: () => string;
}

const INVALID_REFRESH_TOKEN = 'The refresh token is invalid or has expired: sign in again.';
const DAY_MS = 86_400_000;

export class AuthService {
  private readonly deps: AuthServiceDependencies;
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private dummyHash: Promise<string> | undefined;

  constructor(deps: AuthServiceDependencies) {
    this.deps = deps;
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  async register({ email, password }: Credentials): Promise<AuthSession> {
    const user: User = { id: this.newId(), email, createdAt: this.clock().toISOString() };
    const passwordHash = await this.deps.passwords.hash(password);
    if (!(await this.deps.users.insert({ ...user, passwordHash }))) {
      throw new ConflictError('An account with this email already exists.');
    }
    this.deps.logger.info({ userId: user.id }, 'user registered');
    return this.startSession(user, this.newId());
  }

  async login({ email, password }: Credentials): Promise<AuthSession> {
    const record = await this.deps.users.findByEmail(email);
    // Hash even for an unknown email, so response time does not tell which emails have accounts.
    const passwordHash = record?.passwordHash ?? (await this.hashOfNothing());
    const valid = await this.deps.passwords.verify(password, passwordHash);
    if (record === null || !valid) {
      this.deps.logger.info({ userId: record?.id }, 'login failed');
      throw new UnauthorizedError(INVALID_CREDENTIALS);
    }
    this.deps.logger.info({ userId: record.id }, 'user logged in');
    return this.startSession(toUser(record), this.newId());
  }

  async refresh(token: string | undefined): Promise<AuthSession> {
    const current = token === undefined ? null : await this.deps.refreshTokens.findByHash(hashRefreshToken(token));
    if (current === null) throw new UnauthorizedError(INVALID_REFRESH_TOKEN);
    const now = this.clock();
    if (current.revokedAt !== null) {
      // Replaced means it was rotated before: someone is replaying it. Otherwise it was logged out.
      if (current.replacedBy !== null) return this.rejectReuse(current);
      throw new UnauthorizedError(INVALID_REFRESH_TOKEN);
    }
    if (Date.parse(current.expiresAt) <= now.getTime()) throw new UnauthorizedError(INVALID_REFRESH_TOKEN);

    const user = await this.deps.users.findById(current.userId);
    if (user === null) throw new UnauthorizedError(INVALID_REFRESH_TOKEN);

    const next = this.newRefreshToken(user.id, current.familyId, now);
    // Two requests racing with one token: the loser finds it revoked, which is reuse as well.
    if (!(await this.deps.refreshTokens.rotate(current.id, next.record, now.toISOString()))) {
      return this.rejectReuse(current);
    }
    return { user: toUser(user), accessToken: await this.deps.accessTokens.issue(user.id), refreshToken: next.token };
  }

  /** Ends the session of this refresh token (its whole family). Unknown tokens are ignored. */
  async logout(token: string | undefined): Promise<void> {
    const current = token === undefined ? null : await this.deps.refreshTokens.findByHash(hashRefreshToken(token));
    if (current === null) return;
    await this.deps.refreshTokens.revokeFamily(current.familyId, this.clock().toISOString());
    this.deps.logger.info({ userId: current.userId }, 'user logged out');
  }

  async me(userId: string): Promise<User> {
    const user = await this.deps.users.findById(userId);
    if (user === null) throw new UnauthorizedError('The account no longer exists.');
    return toUser(user);
  }

  private async startSession(user: User, familyId: string): Promise<AuthSession> {
    const next = this.newRefreshToken(user.id, familyId, this.clock());
    await this.deps.refreshTokens.insert(next.record);
    return { user, accessToken: await this.deps.accessTokens.issue(user.id), refreshToken: next.token };
  }

  private newRefreshToken(userId: string, familyId: string, now: Date) {
    const value = generateRefreshToken();
    const expiresAt = new Date(now.getTime() + this.deps.refreshTokenTtlDays * DAY_MS);
    const record: RefreshTokenRecord = {
      id: this.newId(),
      userId,
      familyId,
      tokenHash: hashRefreshToken(value),
      expiresAt: expiresAt.toISOString(),
      revokedAt: null,
      replacedBy: null,
      createdAt: now.toISOString(),
    };
    return { record, token: { value, expiresAt } };
  }

  private async rejectReuse(token: RefreshTokenRecord): Promise<never> {
    await this.deps.refreshTokens.revokeFamily(token.familyId, this.clock().toISOString());
    this.deps.logger.warn(
      { userId: token.userId, familyId: token.familyId },
      'refresh token reused: its family is revoked, the user must sign in again',
    );
    throw new UnauthorizedError(INVALID_REFRESH_TOKEN);
  }

  private hashOfNothing(): Promise<string> {
    this.dummyHash ??= this.deps.passwords.hash(this.newId());
    return this.dummyHash;
  }
}
