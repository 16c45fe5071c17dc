import { describe, expect, it } from 'vitest';
import { CookieJar, parseSetCookie, pathMatches } from '../../src/verify/cookies.js';

describe('parseSetCookie', () => {
  it('reads the attributes the refresh cookie needs', () => {
    const parsed = parseSetCookie('refresh_token=abc.def=; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=2592000');
    expect(parsed?.expired).toBe(false);
    expect(parsed?.cookie).toMatchObject({ name: 'refresh_token', value: 'abc.def=', path: '/api/auth', httpOnly: true, sameSite: 'Strict', secure: false });
  });

  it('treats Max-Age=0 and a past Expires as deletion, Max-Age winning over Expires', () => {
    expect(parseSetCookie('a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT')?.expired).toBe(true);
    expect(parseSetCookie('a=1; Max-Age=0')?.expired).toBe(true);
    expect(parseSetCookie('a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT')?.expired).toBe(false);
  });

  it('defaults the path to the request directory and rejects nameless cookies', () => {
    expect(parseSetCookie('a=1', '/api/auth/login')?.cookie.path).toBe('/api/auth');
    expect(parseSetCookie('a=1', '/login')?.cookie.path).toBe('/');
    expect(parseSetCookie('=1')).toBeUndefined();
  });
});

describe('CookieJar', () => {
  it('sends cookies only under their path', () => {
    expect(pathMatches('/api/auth', '/api/auth/refresh')).toBe(true);
    expect(pathMatches('/api/auth', '/api/authx')).toBe(false);
    const jar = new CookieJar();
    jar.store(['refresh_token=one; Path=/api/auth; HttpOnly'], '/api/auth/login');
    expect(jar.header('/api/auth/refresh')).toBe('refresh_token=one');
    expect(jar.header('/api/todos')).toBeUndefined();
  });

  it('replaces on rotation, deletes on clear, and clones independently', () => {
    const jar = new CookieJar();
    jar.store(['refresh_token=one; Path=/api/auth'], '/api/auth/login');
    const old = jar.clone();
    jar.store(['refresh_token=two; Path=/api/auth'], '/api/auth/refresh');
    expect(jar.get('refresh_token')?.value).toBe('two');
    expect(old.get('refresh_token')?.value).toBe('one');
    jar.store(['refresh_token=; Path=/api/auth; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], '/api/auth/logout');
    expect(jar.get('refresh_token')).toBeUndefined();
    expect(old.header('/api/auth/refresh')).toBe('refresh_token=one');
  });
});
