import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, readCookie, sessionCookie, sessionTokenFromCookieHeader } from './session-cookie.js';

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

describe('readCookie', () => {
  it('finds one cookie among others, trimmed and decoded', () => {
    expect(readCookie('theme=dark; sid=abc%2Bdef ; other=1', 'sid')).toBe('abc+def');
    expect(readCookie('sid="quoted"', 'sid')).toBe('quoted');
    expect(sessionTokenFromCookieHeader('a=1;sid=token')).toBe('token');
  });

  it('is undefined without the header, the cookie, a value, or with a malformed encoding', () => {
    for (const header of [undefined, '', 'other=1', 'sid=', 'xsid=1', 'sid=%E0%A4%A']) {
      expect(readCookie(header, 'sid')).toBeUndefined();
    }
  });
});
