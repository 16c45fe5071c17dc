/**
 * The refresh token cookie, written and read by hand: it is the one cookie this API uses, and
 * @fastify/cookie would pull `cookie@2`, which requires Node 22.
 */
export const REFRESH_COOKIE = 'refresh_token';

/**
 * httpOnly (no script can read it), SameSite=Strict (never sent by other sites), and scoped to
 * /api/auth so no other request carries it.
 */
function attributes(secure: boolean): string {
  return `Path=/api/auth; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Set-Cookie for a token valid until `expiresAt`. The value is base64url, so it needs no encoding. */
export function refreshCookie(value: string, expiresAt: Date, secure: boolean): string {
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${REFRESH_COOKIE}=${value}; Max-Age=${maxAgeSeconds}; Expires=${expiresAt.toUTCString()}; ${attributes(secure)}`;
}

/** Set-Cookie that makes the browser drop the refresh cookie. */
export function clearedRefreshCookie(secure: boolean): string {
  return `${REFRESH_COOKIE}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attributes(secure)}`;
}

/** The refresh token from a Cookie header, or undefined when absent or empty. */
export function refreshTokenFrom(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== REFRESH_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}
