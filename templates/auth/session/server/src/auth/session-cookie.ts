/**
 * The session cookie as raw header text, written and read without a framework or a cookie library,
 * so every way in (an HTTP hook or middleware, a WebSocket upgrade, an RPC context) finds the
 * session the same way from `req.headers.cookie`. (@fastify/cookie would also pull `cookie@2`,
 * which requires Node 22.)
 */
export const SESSION_COOKIE = 'sid';

/**
 * httpOnly (no script can read it), SameSite=Lax (not sent on cross-site subrequests or form posts),
 * Secure in production, and for the whole site, because the API, the event stream and the built
 * client share one origin.
 */
function attributes(secure: boolean): string {
  return `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** Set-Cookie for a session valid until `expiresAt`. The value is base64url, so it needs no encoding. */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; Expires=${expiresAt.toUTCString()}; ${attributes(secure)}`;
}

/** Set-Cookie that makes the browser drop the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attributes(secure)}`;
}

/**
 * The session token from a raw Cookie header, or undefined when absent or empty. The first `sid`
 * wins, as in the `cookie` package; the value is taken as is (a session id is base64url).
 */
export function sessionTokenFromCookieHeader(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}
