import { AuthResponseSchema, MeResponseSchema } from '@app/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, refreshCookieOf, signUp } from '../support/actors.js';
import { bodyOf, problemOf, send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('/api/auth', () => {
  let server: TestServer;
  const url = (path: string) => `${server.url}/api/auth${path}`;
  const refresh = (cookie?: string) =>
    send(url('/refresh'), { method: 'POST', headers: cookie === undefined ? {} : { cookie } });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('registers with a normalised email and sets a strict, httpOnly refresh cookie', async () => {
    const response = await send(url('/register'), {
      method: 'POST',
      json: { email: '  New.User@Example.COM ', password: PASSWORD },
    });
    expect(response.status).toBe(201);
    const { user, accessToken } = await bodyOf(response, AuthResponseSchema);
    expect(user.email).toBe('new.user@example.com');
    expect(accessToken.split('.')).toHaveLength(3);
    expect(response.headers.get('cache-control')).toBe('no-store');

    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^refresh_token=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/auth');
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toContain('Secure'); // COOKIE_SECURE defaults to false outside production
    expect(JSON.stringify(server.logs.lines)).not.toContain(PASSWORD);
  });

  it('refuses a taken email with 409, whatever its case', async () => {
    const { user } = await signUp(server);
    const again = await send(url('/register'), {
      method: 'POST',
      json: { email: user.email.toUpperCase(), password: PASSWORD },
    });
    await problemOf(again, 409);
  });

  it('validates credentials', async () => {
    const problem = await problemOf(
      await send(url('/register'), { method: 'POST', json: { email: 'nope', password: 'short' } }),
      422,
    );
    expect(problem.errors?.map((error) => error.path)).toEqual([['email'], ['password']]);
  });

  it('logs in, and answers a wrong password exactly like an unknown email', async () => {
    const { user } = await signUp(server);
    const ok = await send(url('/login'), { method: 'POST', json: { email: user.email, password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect((await bodyOf(ok, AuthResponseSchema)).user).toEqual(user);
    expect(refreshCookieOf(ok)).toBeDefined();

    const wrongPassword = await problemOf(
      await send(url('/login'), { method: 'POST', json: { email: user.email, password: 'not the password' } }),
      401,
    );
    const unknownEmail = await problemOf(
      await send(url('/login'), { method: 'POST', json: { email: 'nobody@example.com', password: PASSWORD } }),
      401,
    );
    expect(wrongPassword.detail).toBe(unknownEmail.detail);
    expect(wrongPassword.title).toBe(unknownEmail.title);
  });

  it('returns the signed-in user from /me, with a bearer token only', async () => {
    const actor = await signUp(server);
    const me = await send(url('/me'), { headers: actor.headers });
    expect(await bodyOf(me, MeResponseSchema)).toEqual({ user: actor.user });

    await problemOf(await send(url('/me')), 401);
    await problemOf(await send(url(`/me?access_token=${actor.accessToken}`)), 401);
    await problemOf(await send(url('/me'), { headers: { authorization: `Basic ${actor.accessToken}` } }), 401);
  });

  it('rotates the refresh token on every refresh', async () => {
    const actor = await signUp(server);
    const first = await refresh(actor.refreshCookie);
    expect(first.status).toBe(200);
    const { user, accessToken } = await bodyOf(first, AuthResponseSchema);
    expect(user).toEqual(actor.user);
    const rotated = refreshCookieOf(first);
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(actor.refreshCookie);

    // The new access token works.
    expect((await send(url('/me'), { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(200);
    // And the new refresh token rotates again.
    expect((await refresh(rotated)).status).toBe(200);
  });

  it('treats a reused refresh token as theft: 401 and the whole family revoked', async () => {
    const actor = await signUp(server);
    const rotatedResponse = await refresh(actor.refreshCookie);
    const rotated = refreshCookieOf(rotatedResponse);
    expect(rotated).toBeDefined();

    // Replaying the old token...
    const replay = await refresh(actor.refreshCookie);
    await problemOf(replay, 401);
    expect(replay.headers.getSetCookie().join()).toMatch(/refresh_token=;.*Expires=Thu, 01 Jan 1970/);
    expect(server.logs.find((line) => line.msg?.startsWith('refresh token reused'))).toMatchObject({
      level: 'warn',
      userId: actor.user.id,
    });
    // ...also kills the token the legitimate client was given.
    await problemOf(await refresh(rotated), 401);
  });

  it('refuses a refresh without a cookie or with an unknown one', async () => {
    await problemOf(await refresh(), 401);
    await problemOf(await refresh('refresh_token=made-up'), 401);
  });

  it('logs out: 204, cookie cleared, session revoked', async () => {
    const actor = await signUp(server);
    const response = await send(url('/logout'), { method: 'POST', headers: { cookie: actor.refreshCookie } });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join()).toMatch(/refresh_token=;.*Path=\/api\/auth/);

    await problemOf(await refresh(actor.refreshCookie), 401);
    // Logging out twice, or without a cookie, is harmless.
    expect((await send(url('/logout'), { method: 'POST' })).status).toBe(204);
  });
});
