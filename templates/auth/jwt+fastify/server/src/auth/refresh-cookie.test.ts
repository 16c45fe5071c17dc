import { describe, expect, it } from 'vitest';
import { clearedRefreshCookie, refreshCookie, refreshTokenFrom } from './refresh-cookie.js';

describe('refresh cookie', () => {
  it('is httpOnly, strict, scoped to /api/auth, and Secure only when asked', () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const cookie = refreshCookie('abc_DEF-123', expiresAt, false);
    expect(cookie).toMatch(/^refresh_token=abc_DEF-123; Max-Age=(59|60); Expires=/);
    expect(cookie).toContain('Path=/api/auth; HttpOnly; SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    expect(refreshCookie('x', expiresAt, true)).toMatch(/; Secure$/);
  });

  it('is cleared with an expiry in the past', () => {
    expect(clearedRefreshCookie(false)).toBe(
      'refresh_token=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/api/auth; HttpOnly; SameSite=Strict',
    );
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['refresh_token=', undefined],
    ['refresh_token=abc', 'abc'],
    ['theme=dark; refresh_token=abc; other=1', 'abc'],
    ['not_refresh_token=abc', undefined],
  ])('reads %j as %j', (header, token) => {
    expect(refreshTokenFrom(header)).toBe(token);
  });
});
