import { describe, expect, it } from 'vitest';
import { readCookie, sessionTokenFromCookieHeader } from './session-cookie.js';

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
