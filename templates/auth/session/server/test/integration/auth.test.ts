import { AuthResponseSchema, CsrfResponseSchema, MeResponseSchema } from '@app/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, sessionCookieOf, signUp } from '../support/actors.js';
import { bodyOf, problemOf, send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('/api/auth (server-side sessions)', () => {
  let server: TestServer;
  const url = (path: string) => `${server.url}/api/auth${path}`;
  const me = (headers: Record<string, string> = {}) => send(url('/me'), { headers });
  const login = (email: string, headers: Record<string, string> = {}) =>
    send(url('/login'), { method: 'POST', json: { email, password: PASSWORD }, headers });

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('registers with a normalised email and sets an httpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const response = await send(url('/register'), {
      method: 'POST',
      json: { email: '  New.User@Example.COM ', password: PASSWORD },
    });
    expect(response.status).toBe(201);
    const { user, csrfToken } = await bodyOf(response, AuthResponseSchema);
    expect(user.email).toBe('new.user@example.com');
    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.headers.get('cache-control')).toBe('no-store');

    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/;');
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toContain('Secure'); // COOKIE_SECURE defaults to false outside production
    expect(JSON.stringify(server.logs.lines)).not.toContain(PASSWORD);
  });

  it('stores only the hash of the session id', async () => {
    const actor = await signUp(server);
    const value = actor.sessionCookie.slice('sid='.length);
    const rows = await server.database.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = ?', [
      actor.user.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.id).not.toContain(value);
  });

  it('refuses a taken email with 409 and validates credentials with 422', async () => {
    const { user } = await signUp(server);
    await problemOf(
      await send(url('/register'), { method: 'POST', json: { email: user.email.toUpperCase(), password: PASSWORD } }),
      409,
    );
    const problem = await problemOf(
      await send(url('/register'), { method: 'POST', json: { email: 'nope', password: 'short' } }),
      422,
    );
    expect(problem.errors?.map((error) => error.path)).toEqual([['email'], ['password']]);
  });

  it('answers a wrong password exactly like an unknown email', async () => {
    const { user } = await signUp(server);
    const wrong = await problemOf(
      await send(url('/login'), { method: 'POST', json: { email: user.email, password: 'not the password' } }),
      401,
    );
    const unknown = await problemOf(await login('nobody@example.com'), 401);
    expect(wrong.detail).toBe(unknown.detail);
  });

  it('returns the user and the CSRF token from /me and /csrf, with the cookie only', async () => {
    const actor = await signUp(server);
    expect(await bodyOf(await me({ cookie: actor.sessionCookie }), MeResponseSchema)).toEqual({
      user: actor.user,
      csrfToken: actor.csrfToken,
    });
    expect(
      await bodyOf(await send(url('/csrf'), { headers: { cookie: actor.sessionCookie } }), CsrfResponseSchema),
    ).toEqual({
      csrfToken: actor.csrfToken,
    });
    await problemOf(await me(), 401);
    await problemOf(await me({ cookie: 'sid=made-up' }), 401);
  });

  it('rotates the session on login: a new id, and the one the request came with is destroyed', async () => {
    const actor = await signUp(server);
    const response = await login(actor.user.email, { cookie: actor.sessionCookie });
    expect(response.status).toBe(200);
    const rotated = sessionCookieOf(response);
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(actor.sessionCookie);
    const { csrfToken } = await bodyOf(response, AuthResponseSchema);
    expect(csrfToken).not.toBe(actor.csrfToken);

    await problemOf(await me({ cookie: actor.sessionCookie }), 401);
    expect((await me({ cookie: rotated ?? '' })).status).toBe(200);
  });

  it('logs out: CSRF token required, 204, cookie cleared, and the old cookie is dead server-side', async () => {
    const actor = await signUp(server);
    await problemOf(await send(url('/logout'), { method: 'POST', headers: { cookie: actor.sessionCookie } }), 403);

    const response = await send(url('/logout'), { method: 'POST', headers: actor.headers });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join()).toMatch(/sid=;.*Path=\/;/);
    await problemOf(await me({ cookie: actor.sessionCookie }), 401);
    // Logging out twice, or without a cookie, is harmless.
    expect((await send(url('/logout'), { method: 'POST', headers: actor.headers })).status).toBe(204);
    expect((await send(url('/logout'), { method: 'POST' })).status).toBe(204);
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const actor = await signUp(server);
    const second = sessionCookieOf(await login(actor.user.email));
    await problemOf(await send(url('/logout-all'), { method: 'POST', headers: { cookie: actor.sessionCookie } }), 403);
    expect((await send(url('/logout-all'), { method: 'POST', headers: actor.headers })).status).toBe(204);
    await problemOf(await me({ cookie: actor.sessionCookie }), 401);
    await problemOf(await me({ cookie: second ?? '' }), 401);
  });

  it('refuses sign-in from a foreign Origin', async () => {
    const actor = await signUp(server);
    await problemOf(await login(actor.user.email, { origin: 'http://evil.example' }), 403);
    expect((await login(actor.user.email, { origin: 'http://localhost:5173' })).status).toBe(200);
  });

  it('ends an idle session', async () => {
    const idle = await startTestServer({ env: { SESSION_IDLE_TIMEOUT_MINUTES: '1' } });
    try {
      const actor = await signUp(idle);
      // Age the session instead of waiting: the server compares timestamps.
      const past = new Date(Date.now() - 2 * 60_000).toISOString();
      await idle.database.run('UPDATE sessions SET last_seen_at = ? WHERE user_id = ?', [past, actor.user.id]);
      await problemOf(await send(`${idle.url}/api/auth/me`, { headers: { cookie: actor.sessionCookie } }), 401);
    } finally {
      await idle.stop();
    }
  });
});
