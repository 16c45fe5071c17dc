/** The cookie holding the session id (its value; the database keeps only its hash). */
export const SESSION_COOKIE = 'sid';

/**
 * One cookie's value from a raw `Cookie` request header, for code that sees the Node request
 * rather than a framework's parsed cookies (the WebSocket upgrade, the tRPC context).
 * Values are percent-decoded as cookie-parser does; a malformed encoding counts as absent.
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
