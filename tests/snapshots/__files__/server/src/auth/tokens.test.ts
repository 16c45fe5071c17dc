import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../shared/errors.js';
import { AccessTokens, generateRefreshToken, hashRefreshToken } from './tokens.js';

const SECRET = 'unit-test-secret-0123456789-0123456789';
const USER_ID = 'a0000000-0000-4000-8000-000000000001';

describe('AccessTokens', () => {
  it('issues HS256 tokens carrying only sub, iat and exp', async () => {
    const tokens = new AccessTokens({ secret: SECRET, ttlSeconds: 900, clock: () => new Date('2030-01-01T00:00:00Z') });
    const token = await tokens.issue(USER_ID);
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ sub: USER_ID, iat: 1893456000, exp: 1893456900 });
    expect(await tokens.verify(token)).toBe(USER_ID);
  });

  it('refuses an expired token', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const tokens = new AccessTokens({ secret: SECRET, ttlSeconds: 60, clock: () => now });
    const token = await tokens.issue(USER_ID);
    now = new Date('2030-01-01T00:01:01Z');
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses tokens signed with another secret or another algorithm', async () => {
    const tokens = new AccessTokens({ secret: SECRET, ttlSeconds: 60 });
    const other = new AccessTokens({ secret: `${SECRET}-other`, ttlSeconds: 60 });
    await expect(tokens.verify(await other.issue(USER_ID))).rejects.toBeInstanceOf(UnauthorizedError);

    const hs512 = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject(USER_ID)
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(SECRET));
    await expect(tokens.verify(hs512)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(tokens.verify('not-a-jwt')).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('refresh tokens', () => {
  it('are 32 random bytes, stored only as a SHA-256 hex digest', () => {
    const token = generateRefreshToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateRefreshToken()).not.toBe(token);
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(token)).toBe(hashRefreshToken(token));
  });
});
