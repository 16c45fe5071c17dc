import { beforeEach, describe, expect, it } from 'vitest';
import {
  InMemorySessionRepository,
  InMemoryUserRepository,
  plainTextHasher,
} from '../../test/fakes/in-memory-sessions.js';
import { createTestLogger } from '../../test/support/log-sink.js';
import { ConflictError, UnauthorizedError } from '../shared/errors.js';
import { AuthService, INVALID_CREDENTIALS } from './auth.service.js';
import { hashSessionToken } from './session-tokens.js';

const ANN = { email: 'ann@example.com', password: 'correct horse' };
const MINUTE = 60_000;

describe('AuthService (server-side sessions)', () => {
  let users: InMemoryUserRepository;
  let sessions: InMemorySessionRepository;
  let service: AuthService;
  let now: Date;
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  beforeEach(() => {
    users = new InMemoryUserRepository();
    sessions = new InMemorySessionRepository();
    now = new Date('2030-01-01T00:00:00.000Z');
    service = new AuthService({
      users,
      sessions,
      passwords: plainTextHasher,
      idleTimeoutMs: 30 * MINUTE,
      absoluteTimeoutMs: 8 * 60 * MINUTE,
      logger: createTestLogger().logger,
      clock: () => now,
    });
  });

  it('registers a user and stores only the hash of the session id', async () => {
    const { user, session } = await service.register(ANN);
    expect(users.users[0]?.passwordHash).toBe('plain$correct horse');
    expect(Buffer.from(session.token, 'base64url')).toHaveLength(32);
    expect(session.expiresAt).toEqual(new Date('2030-01-01T08:00:00.000Z'));
    expect(sessions.sessions).toEqual([
      expect.objectContaining({ id: hashSessionToken(session.token), userId: user.id, csrfToken: session.csrfToken }),
    ]);
    expect(JSON.stringify(sessions.sessions)).not.toContain(session.token);
  });

  it('refuses a second account with the same email', async () => {
    await service.register(ANN);
    await expect(service.register(ANN)).rejects.toBeInstanceOf(ConflictError);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await service.register(ANN);
    await expect(service.login({ ...ANN, password: 'wrong password' })).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(service.login({ ...ANN, email: 'bob@example.com' })).rejects.toThrow(INVALID_CREDENTIALS);
  });

  it('rotates on login: a new id and CSRF token, and the session the request came with is destroyed', async () => {
    const first = await service.register(ANN);
    const second = await service.login(ANN, first.session.token);
    expect(second.session.token).not.toBe(first.session.token);
    expect(second.session.csrfToken).not.toBe(first.session.csrfToken);
    expect(await service.resolve(first.session.token)).toBeNull();
    expect(await service.resolve(second.session.token)).toMatchObject({ userId: first.user.id });
  });

  it('ends a session after the idle timeout, and activity keeps it alive', async () => {
    const { session } = await service.register(ANN);
    later(20 * MINUTE);
    expect(await service.resolve(session.token)).not.toBeNull();
    later(20 * MINUTE);
    expect(await service.resolve(session.token)).not.toBeNull();
    later(31 * MINUTE);
    expect(await service.resolve(session.token)).toBeNull();
    expect(sessions.sessions).toHaveLength(0);
  });

  it('ends a session at its absolute timeout, however active', async () => {
    const { session } = await service.register(ANN);
    for (let i = 0; i < 17; i += 1) {
      later(29 * MINUTE);
      await service.resolve(session.token);
    }
    expect(await service.resolve(session.token)).toBeNull();
  });

  it('refuses unknown and missing tokens with a 401 from authenticate', async () => {
    await expect(service.authenticate(undefined)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(service.authenticate('made-up')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('logs out one session, or every session of the user', async () => {
    const a = await service.register(ANN);
    const b = await service.login(ANN);
    const c = await service.login(ANN);
    await service.logout(await service.authenticate(a.session.token));
    expect(await service.resolve(a.session.token)).toBeNull();
    expect(await service.resolve(b.session.token)).not.toBeNull();
    expect(await service.logoutEverywhere(a.user.id)).toBe(2);
    expect(await service.resolve(c.session.token)).toBeNull();
  });

  it('tells listeners which sessions sign-out ended', async () => {
    const ended: unknown[] = [];
    service.onSessionsEnded((event) => ended.push(event));
    const a = await service.register(ANN);
    const b = await service.login(ANN, a.session.token);
    await service.logout(await service.authenticate(b.session.token));
    await service.logoutEverywhere(a.user.id);
    expect(ended).toEqual([
      { sessionId: hashSessionToken(a.session.token) },
      { sessionId: hashSessionToken(b.session.token) },
      { userId: a.user.id },
    ]);
  });

  it('checks liveness without counting it as activity', async () => {
    const { session } = await service.register(ANN);
    const id = hashSessionToken(session.token);
    later(20 * MINUTE);
    expect(await service.isActive(id)).toBe(true);
    later(11 * MINUTE);
    expect(await service.isActive(id)).toBe(false);
    expect(await service.isActive('unknown')).toBe(false);
  });

  it('drops expired sessions of anyone when someone signs in', async () => {
    await service.register(ANN);
    later(31 * MINUTE);
    await service.register({ ...ANN, email: 'bob@example.com' });
    expect(sessions.sessions).toHaveLength(1);
  });
});
