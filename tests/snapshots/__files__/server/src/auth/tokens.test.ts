import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../shared/errors.js';
import { AccessTokens } from './tokens.js';

const SECRET = 'unit-test-secret-0123456789-0123456789';
const USER_ID = 'a0000000-0000-4000-8000-000000000001';
const TTL = { ttlSeconds: 900 };

function claimsOf(token: string): unknown[] {
  return token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
}

describe('AccessTokens', () => {
  it('issues HS256 tokens carrying only sub, iat and exp', async () => {
    const tokens = new AccessTokens({ secret: SECRET, clock: () => new Date('2030-01-01T00:00:00Z') });
    const token = await tokens.issue(USER_ID, TTL);
    expect(claimsOf(token)).toEqual([
      { alg: 'HS256', typ: 'JWT' },
      { sub: USER_ID, iat: 1893456000, exp: 1893456900 },
    ]);
    expect(await tokens.verify(token)).toBe(USER_ID);
  });

  it('refuses an expired token', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const tokens = new AccessTokens({ secret: SECRET, clock: () => now });
    const token = await tokens.issue(USER_ID, { ttlSeconds: 60 });
    now = new Date('2030-01-01T00:01:01Z');
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses a token it has already verified once it expires', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const tokens = new AccessTokens({ secret: SECRET, clock: () => now });
    const token = await tokens.issue(USER_ID, { ttlSeconds: 60 });
    expect(await tokens.verify(token)).toBe(USER_ID);
    now = new Date('2030-01-01T00:00:59Z');
    expect(await tokens.verify(token)).toBe(USER_ID);
    now = new Date('2030-01-01T00:01:00Z');
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses tokens signed with another secret or another algorithm', async () => {
    const tokens = new AccessTokens({ secret: SECRET });
    const other = new AccessTokens({ secret: `${SECRET}-other` });
    await expect(tokens.verify(await other.issue(USER_ID, TTL))).rejects.toBeInstanceOf(UnauthorizedError);

    const hs512 = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject(USER_ID)
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(SECRET));
    await expect(tokens.verify(hs512)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(tokens.verify('not-a-jwt')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('checks the issuer and the audience when they are configured', async () => {
    const expected = { secret: SECRET, issuer: 'https://id.example.com', audience: 'todo-service' };
    const tokens = new AccessTokens(expected);
    const token = await tokens.issue('any-subject|42', TTL);
    expect(claimsOf(token)[1]).toMatchObject({ iss: expected.issuer, aud: expected.audience });
    // Subjects are the identity provider's: any non-empty string, not only our UUIDs.
    expect(await tokens.verify(token)).toBe('any-subject|42');

    const foreign = [
      new AccessTokens({ ...expected, issuer: 'https://evil.example.com' }),
      new AccessTokens({ ...expected, audience: 'billing-service' }),
      new AccessTokens({ secret: SECRET }),
    ];
    for (const issuer of foreign) {
      await expect(tokens.verify(await issuer.issue(USER_ID, TTL))).rejects.toBeInstanceOf(UnauthorizedError);
    }
  });

  it('refuses a token without a subject', async () => {
    const tokens = new AccessTokens({ secret: SECRET });
    const anonymous = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(SECRET));
    await expect(tokens.verify(anonymous)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
