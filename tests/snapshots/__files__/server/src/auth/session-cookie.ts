/**
 * The session cookie as raw header text, written and read without a framework or a cookie library,
 * so every way in (an HTTP hook or middleware, a WebSocket upgrade, an RPC context) finds the
 * session the same way from `req.headers.cookie`. (@fastify/cookie would also pull `cookie@2`,
 * which requires Node 22.)
 */

/** The cookie holding the session id (its value; the database keeps only its hash). */
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
 * One cookie's value from a raw `Cookie` request header; the first of a name wins, as in the
 * `cookie` package. Values are percent-decoded as cookie-parser does; a malformed encoding or an
 * empty value counts as absent.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== name) continue;
    let value = pair.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** The session token of a request's raw `Cookie` header. */
export function sessionTokenFromCookieHeader(header: string | undefined): string | undefined {
  return readCookie(header, SESSION_COOKIE);
}
