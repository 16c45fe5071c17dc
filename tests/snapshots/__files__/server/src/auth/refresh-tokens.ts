import { createHash, randomBytes } from 'node:crypto';

/** A refresh token: 32 random bytes. The client gets it once, in a cookie; we keep only its hash. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 is enough here: the token is random, not a password, so there is nothing to brute-force. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
