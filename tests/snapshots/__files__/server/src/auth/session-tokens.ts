import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The session id the browser holds: 32 random bytes (256 bits), base64url. The database keeps only
 * its SHA-256, so a leaked sessions table cannot be replayed as cookies.
 */
export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 is enough: the token is random, not a password, so there is nothing to brute-force. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The synchronizer CSRF token of one session: random, unrelated to the session id. */
export function generateCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison (of digests, so unequal lengths leak nothing either). */
export function csrfTokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined || given === '') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/**
 * A state-changing request's `Origin` must be one we serve: the API's own origin or one of the
 * explicit CORS origins. A request without `Origin` (curl, server-to-server, old browsers on
 * same-origin requests) is judged by its CSRF token alone.
 */
export function isTrustedOrigin(origin: string | undefined, trusted: readonly string[]): boolean {
  if (origin === undefined) return true;
  return trusted.includes(origin);
}
