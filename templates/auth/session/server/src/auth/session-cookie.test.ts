import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, sessionCookie, sessionTokenFromCookieHeader } from './session-cookie.js';

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, for the whole site, and Secure only when asked', () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const cookie = sessionCookie('abc_DEF-123', expiresAt, false);
    expect(cookie).toMatch(/^sid=abc_DEF-123; Max-Age=(59|60); Expires=/);
    expect(cookie).toContain('Path=/; HttpOnly; SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(sessionCookie('x', expiresAt, true)).toMatch(/; Secure$/);
  });

  it('is cleared with an expiry in the past', () => {
    expect(clearedSessionCookie(false)).toBe(
      'sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax',
    );
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['sid=', undefined],
    ['sid=abc', 'abc'],
    ['theme=dark; sid=abc; other=1', 'abc'],
    ['sid=first; sid=second', 'first'],
    ['not_sid=abc', undefined],
  ])('reads %j as %j', (header, token) => {
    expect(sessionTokenFromCookieHeader(header)).toBe(token);
  });
});
