import { beforeEach, describe, expect, it } from 'vitest';
import {
  InMemoryRefreshTokenRepository,
  InMemoryUserRepository,
  plainTextHasher,
} from '../../test/fakes/in-memory-auth.js';
import { createTestLogger, type LogSink } from '../../test/support/log-sink.js';
import { ConflictError, UnauthorizedError } from '../shared/errors.js';
import { AuthService, INVALID_CREDENTIALS } from './auth.service.js';
import { hashRefreshToken } from './refresh-tokens.js';

const ANN = { email: 'ann@example.com', password: 'correct horse' };

describe('AuthService', () => {
  let users: InMemoryUserRepository;
  let refreshTokens: InMemoryRefreshTokenRepository;
  let service: AuthService;
  let logs: LogSink;
  let now: Date;

  beforeEach(() => {
    users = new InMemoryUserRepository();
    refreshTokens = new InMemoryRefreshTokenRepository();
    now = new Date('2030-01-01T00:00:00.000Z');
    const test = createTestLogger();
    logs = test.logs;
    service = new AuthService({
      users,
      refreshTokens,
      passwords: plainTextHasher,
      accessTokens: { issue: async (userId) => `access-for-${userId}` },
      refreshTokenTtlDays: 30,
      logger: test.logger,
      clock: () => now,
    });
  });

  it('registers a user, stores only the password hash, and opens a session', async () => {
    const session = await service.register(ANN);
    expect(session.user).toMatchObject({ email: ANN.email, createdAt: now.toISOString() });
    expect(session.accessToken).toBe(`access-for-${session.user.id}`);
    expect(session.refreshToken.expiresAt).toEqual(new Date('2030-01-31T00:00:00.000Z'));
    expect(users.users[0]?.passwordHash).toBe('plain$correct horse');
    expect(refreshTokens.tokens).toEqual([
      expect.objectContaining({ tokenHash: hashRefreshToken(session.refreshToken.value), userId: session.user.id }),
    ]);
  });

  it('refuses a second account with the same email', async () => {
    await service.register(ANN);
    await expect(service.register(ANN)).rejects.toBeInstanceOf(ConflictError);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await service.register(ANN);
    await expect(service.login({ ...ANN, password: 'wrong password' })).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(service.login({ ...ANN, email: 'bob@example.com' })).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(service.login(ANN)).resolves.toMatchObject({ user: { email: ANN.email } });
  });

  it('starts a new token family at each login', async () => {
    await service.register(ANN);
    await service.login(ANN);
    expect(new Set(refreshTokens.tokens.map((token) => token.familyId)).size).toBe(2);
  });

  it('rotates within the family and revokes the family when a rotated token comes back', async () => {
    const { refreshToken: first } = await service.register(ANN);
    const { refreshToken: second } = await service.refresh(first.value);
    const { refreshToken: third } = await service.refresh(second.value);
    expect(new Set(refreshTokens.tokens.map((token) => token.familyId)).size).toBe(1);

    await expect(service.refresh(first.value)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(logs.find((line) => line.msg?.startsWith('refresh token reused'))).toMatchObject({ level: 'warn' });
    await expect(service.refresh(third.value)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(refreshTokens.tokens.every((token) => token.revokedAt !== null)).toBe(true);
  });

  it('refuses expired and unknown refresh tokens', async () => {
    const { refreshToken } = await service.register(ANN);
    await expect(service.refresh(undefined)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(service.refresh('unknown')).rejects.toBeInstanceOf(UnauthorizedError);
    now = new Date('2030-02-01T00:00:00.000Z');
    await expect(service.refresh(refreshToken.value)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('logs out by revoking the family, without calling it theft', async () => {
    const { refreshToken } = await service.register(ANN);
    await service.logout(refreshToken.value);
    await expect(service.refresh(refreshToken.value)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(logs.find((line) => line.msg?.startsWith('refresh token reused'))).toBeUndefined();
    await expect(service.logout('unknown')).resolves.toBeUndefined();
  });

  it('answers me() for existing users only', async () => {
    const { user } = await service.register(ANN);
    expect(await service.me(user.id)).toEqual(user);
    await expect(service.me('a0000000-0000-4000-8000-000000000009')).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
