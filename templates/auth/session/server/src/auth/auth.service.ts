import { randomUUID } from 'node:crypto';
import type { Credentials, User } from '@app/shared';
import { ConflictError, UnauthorizedError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { PasswordHasher } from './password.js';
import { generateCsrfToken, generateSessionToken, hashSessionToken } from './session-tokens.js';
import { INVALID_CREDENTIALS, toUser, type UserRepository } from './users.js';

export { INVALID_CREDENTIALS, type UserRecord, type UserRepository } from './users.js';

/**
 * Accounts and server-side sessions. A session is a row keyed by the hash of a random token the
 * browser holds in an httpOnly cookie; it ends at its idle timeout, at its absolute timeout, or at
 * logout, whichever comes first. Signing in always starts a new session and destroys the one the
 * request came with, so a session id planted before login (fixation) is worthless afterwards.
 * No HTTP in here: the controller turns sessions into cookies and JSON.
 */

export interface SessionRecord {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end, whatever the activity. */
  expiresAt: string;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  findById(id: string): Promise<SessionRecord | null>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Every session of the user ("log out everywhere"); returns how many ended. */
  deleteForUser(userId: string): Promise<number>;
  /** Housekeeping: sessions past their absolute end or idle since before `idleBefore`. */
  deleteExpired(now: string, idleBefore: string): Promise<number>;
}

/** A new session: the cookie value goes to the browser once; the CSRF token goes in the JSON body. */
export interface SignedIn {
  user: User;
  session: { token: string; csrfToken: string; expiresAt: Date };
}

/** The session a request authenticated with. */
export interface ActiveSession {
  id: string;
  userId: string;
  csrfToken: string;
}

export interface AuthServiceDependencies {
  users: UserRepository;
  sessions: SessionRepository;
  passwords: PasswordHasher;
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  logger: Logger;
  clock?: () => Date;
  newId?: () => string;
}

/** Which sessions just ended by sign-out: one (`sessionId`) or every one of a user (`userId`). */
export type SessionsEnded = { sessionId: string } | { userId: string };

/** lastSeenAt is written at most this often, so reads do not turn into a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export class AuthService {
  private readonly deps: AuthServiceDependencies;
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private dummyHash: Promise<string> | undefined;
  private readonly endedListeners = new Set<(ended: SessionsEnded) => void>();

  constructor(deps: AuthServiceDependencies) {
    this.deps = deps;
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /** `previousToken`: the session cookie the request came with, destroyed (rotation). */
  async register({ email, password }: Credentials, previousToken?: string): Promise<SignedIn> {
    const user: User = { id: this.newId(), email, createdAt: this.clock().toISOString() };
    const passwordHash = await this.deps.passwords.hash(password);
    if (!(await this.deps.users.insert({ ...user, passwordHash }))) {
      throw new ConflictError('An account with this email already exists.');
    }
    this.deps.logger.info({ userId: user.id }, 'user registered');
    return this.startSession(user, previousToken);
  }

  async login({ email, password }: Credentials, previousToken?: string): Promise<SignedIn> {
    const record = await this.deps.users.findByEmail(email);
    // Hash even for an unknown email, so response time does not tell which emails have accounts.
    const passwordHash = record?.passwordHash ?? (await this.hashOfNothing());
    const valid = await this.deps.passwords.verify(password, passwordHash);
    if (record === null || !valid) {
      this.deps.logger.info({ userId: record?.id }, 'login failed');
      throw new UnauthorizedError(INVALID_CREDENTIALS);
    }
    this.deps.logger.info({ userId: record.id }, 'user logged in');
    return this.startSession(toUser(record), previousToken);
  }

  /** The live session of a cookie value, or null; an expired one is deleted on the way. */
  async resolve(token: string | undefined): Promise<ActiveSession | null> {
    if (token === undefined || token === '') return null;
    const session = await this.deps.sessions.findById(hashSessionToken(token));
    if (session === null) return null;
    const now = this.clock();
    const idleEnd = Date.parse(session.lastSeenAt) + this.deps.idleTimeoutMs;
    if (Date.parse(session.expiresAt) <= now.getTime() || idleEnd <= now.getTime()) {
      await this.deps.sessions.delete(session.id);
      return null;
    }
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
      await this.deps.sessions.touch(session.id, now.toISOString());
    }
    return { id: session.id, userId: session.userId, csrfToken: session.csrfToken };
  }

  /**
   * Whether a session (by id, the hash) is still live, without counting as activity: a long-lived
   * connection re-checks with it, and an open socket alone must not keep a session from idling out.
   */
  async isActive(sessionId: string): Promise<boolean> {
    const session = await this.deps.sessions.findById(sessionId);
    if (session === null) return false;
    const now = this.clock().getTime();
    return Date.parse(session.expiresAt) > now && Date.parse(session.lastSeenAt) + this.deps.idleTimeoutMs > now;
  }

  /**
   * Told when sign-out ends sessions, so connections opened with them (WebSockets) close at once
   * rather than at their next check. Returns the unsubscribe function.
   */
  onSessionsEnded(listener: (ended: SessionsEnded) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  /** Like `resolve`, for routes that need a user: no live session is a 401. */
  async authenticate(token: string | undefined): Promise<ActiveSession> {
    const session = await this.resolve(token);
    if (session === null) throw new UnauthorizedError('Sign in: the session is missing, has expired or was ended.');
    return session;
  }

  async logout(session: ActiveSession): Promise<void> {
    await this.deps.sessions.delete(session.id);
    this.deps.logger.info({ userId: session.userId }, 'user logged out');
    this.ended({ sessionId: session.id });
  }

  /** Ends every session of the user, on every device. */
  async logoutEverywhere(userId: string): Promise<number> {
    const ended = await this.deps.sessions.deleteForUser(userId);
    this.deps.logger.info({ userId, sessions: ended }, 'user logged out everywhere');
    this.ended({ userId });
    return ended;
  }

  async me(userId: string): Promise<User> {
    const user = await this.deps.users.findById(userId);
    if (user === null) throw new UnauthorizedError('The account no longer exists.');
    return toUser(user);
  }

  private async startSession(user: User, previousToken: string | undefined): Promise<SignedIn> {
    const now = this.clock();
    if (previousToken !== undefined && previousToken !== '') {
      const previous = hashSessionToken(previousToken);
      await this.deps.sessions.delete(previous);
      this.ended({ sessionId: previous });
    }
    // Sign-ins are rare next to requests: a fine moment to drop sessions nobody can use any more.
    await this.deps.sessions.deleteExpired(
      now.toISOString(),
      new Date(now.getTime() - this.deps.idleTimeoutMs).toISOString(),
    );
    const token = generateSessionToken();
    const expiresAt = new Date(now.getTime() + this.deps.absoluteTimeoutMs);
    const record: SessionRecord = {
      id: hashSessionToken(token),
      userId: user.id,
      csrfToken: generateCsrfToken(),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
    await this.deps.sessions.insert(record);
    return { user, session: { token, csrfToken: record.csrfToken, expiresAt } };
  }

  private ended(ended: SessionsEnded): void {
    for (const listener of this.endedListeners) listener(ended);
  }

  private hashOfNothing(): Promise<string> {
    this.dummyHash ??= this.deps.passwords.hash(this.newId());
    return this.dummyHash;
  }
}
