import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { UnauthorizedError } from '../shared/errors.js';

const ALGORITHM = 'HS256';

/**
 * Short-lived HS256 access tokens. Minimal claims: `sub` (the user id), `iat`, `exp`. The client
 * keeps them in memory and sends them as `Authorization: Bearer`.
 */
export class AccessTokens {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;
  private readonly clock: () => Date;

  constructor({ secret, ttlSeconds, clock }: { secret: string; ttlSeconds: number; clock?: () => Date }) {
    this.key = new TextEncoder().encode(secret);
    this.ttlSeconds = ttlSeconds;
    this.clock = clock ?? (() => new Date());
  }

  async issue(userId: string): Promise<string> {
    const now = Math.floor(this.clock().getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.key);
  }

  /** The user id of a valid, unexpired token; anything else is a 401. */
  async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], currentDate: this.clock() });
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('token has no subject');
      return payload.sub;
    } catch {
      throw new UnauthorizedError('The access token is invalid or has expired.');
    }
  }
}

/** A refresh token: 32 random bytes. The client gets it once, in a cookie; we keep only its hash. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 is enough here: the token is random, not a password, so there is nothing to brute-force. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
