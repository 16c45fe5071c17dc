/** A minimal cookie jar: enough of RFC 6265 to drive the refresh-token flow with fetch. */

export interface Cookie {
  name: string;
  value: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  /** As sent, e.g. `Strict`; undefined when absent. */
  sameSite: string | undefined;
  /** The Set-Cookie header it came from, for messages. */
  raw: string;
}

/** Parses one Set-Cookie header; `expired` is true when it deletes the cookie. */
export function parseSetCookie(
  header: string,
  requestPath = '/',
  now = Date.now(),
): { cookie: Cookie; expired: boolean } | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const cookie: Cookie = {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    path: defaultPath(requestPath),
    httpOnly: false,
    secure: false,
    sameSite: undefined,
    raw: header,
  };
  let expired = false;
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path' && value.startsWith('/')) cookie.path = value;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'samesite') cookie.sameSite = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) {
      maxAgeSeen = true; // Max-Age wins over Expires
      expired = Number(value) <= 0;
    } else if (key === 'expires' && !maxAgeSeen) {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) expired = time <= now;
    }
  }
  return { cookie, expired };
}

/** The directory of the request path (RFC 6265 5.1.4). */
function defaultPath(requestPath: string): string {
  const slash = requestPath.lastIndexOf('/');
  return slash <= 0 ? '/' : requestPath.slice(0, slash);
}

export function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

export class CookieJar {
  private readonly cookies = new Map<string, Cookie>();

  /** Applies the Set-Cookie headers of a response to `requestPath`. */
  store(setCookies: readonly string[], requestPath: string): void {
    for (const header of setCookies) {
      const parsed = parseSetCookie(header, requestPath);
      if (!parsed) continue;
      const key = `${parsed.cookie.name};${parsed.cookie.path}`;
      if (parsed.expired) this.cookies.delete(key);
      else this.cookies.set(key, parsed.cookie);
    }
  }

  /** The Cookie header for a request to `requestPath`, or undefined when none applies. */
  header(requestPath: string): string | undefined {
    const matching = [...this.cookies.values()]
      .filter((c) => pathMatches(c.path, requestPath))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  get(name: string): Cookie | undefined {
    return [...this.cookies.values()].find((c) => c.name === name);
  }

  /** A copy, to replay an old cookie after the original jar moved on. */
  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [key, cookie] of this.cookies) copy.cookies.set(key, { ...cookie });
    return copy;
  }
}
