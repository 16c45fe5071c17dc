/** Step 4.3, auth jwt: the access/refresh token flow a browser client drives. */
import { AuthSchema, createTodo, login, REFRESH_COOKIE, register, TodoPageSchema, todoPath, uniqueTitle, UserSchema, type Session } from '../api.js';
import { bodyOf, expectProblem, expectStatus } from '../assert.js';
import type { VerifyContext } from '../context.js';
import { CookieJar, type Cookie } from '../cookies.js';
import { bearer, type HttpResponse } from '../http.js';
import { fail } from '../runner.js';
import { z } from 'zod';

/** The refresh cookie a response set, with the attributes the contract asks for. */
function refreshCookie(res: HttpResponse, jar: CookieJar): Cookie {
  const cookie = jar.get(REFRESH_COOKIE);
  if (!cookie || !res.headers.getSetCookie().some((h) => h.startsWith(`${REFRESH_COOKIE}=`))) {
    fail(`${res.request} -> ${res.status} set no ${REFRESH_COOKIE} cookie (Set-Cookie: ${res.headers.getSetCookie().join(' | ') || 'none'})`);
  }
  const problems: string[] = [];
  if (!cookie.httpOnly) problems.push('not HttpOnly');
  if (cookie.sameSite?.toLowerCase() !== 'strict') problems.push(`SameSite=${cookie.sameSite ?? 'missing'}`);
  if (cookie.path !== '/api/auth') problems.push(`Path=${cookie.path}`);
  if (problems.length) fail(`${res.request}: refresh cookie ${problems.join(', ')}; expected HttpOnly; SameSite=Strict; Path=/api/auth (got "${cookie.raw}")`);
  return cookie;
}

async function refresh(ctx: VerifyContext, jar: CookieJar): Promise<HttpResponse> {
  return ctx.http.request('/api/auth/refresh', { method: 'POST', jar });
}

export async function authRequiredCheck(ctx: VerifyContext): Promise<string> {
  expectProblem(await ctx.http.request('/api/todos'), 401);
  expectProblem(await ctx.http.request('/api/todos', { headers: bearer('not-a-token') }), 401);
  expectProblem(await ctx.http.request('/api/todos', { method: 'POST', json: { title: 'x' } }), 401);
  return 'no token and a bad token -> 401 problem+json';
}

export async function authFlowCheck(ctx: VerifyContext): Promise<string> {
  const registered = await register(ctx.http, 'flow');
  const session = await login(ctx.http, registered);
  const jar = session.jar;
  const loginCookie = jar.get(REFRESH_COOKIE);
  if (!loginCookie) fail(`POST /api/auth/login set no ${REFRESH_COOKIE} cookie`);

  const refreshed = await refresh(ctx, jar);
  expectStatus(refreshed, 200);
  const fresh = bodyOf(refreshed, AuthSchema);
  const rotated = refreshCookie(refreshed, jar);
  if (rotated.value === loginCookie.value) fail('POST /api/auth/refresh answered 200 but did not rotate the refresh cookie (same value)');

  const me = await ctx.http.request('/api/auth/me', { headers: bearer(fresh.accessToken) });
  expectStatus(me, 200);
  const { user } = bodyOf(me, z.object({ user: UserSchema }));
  if (user.email !== registered.email) fail(`GET /api/auth/me returned ${user.email}, expected ${registered.email}`);

  const beforeLogout = jar.clone();
  const logout = await ctx.http.request('/api/auth/logout', { method: 'POST', jar, headers: bearer(fresh.accessToken) });
  expectStatus(logout, 204);
  if (jar.get(REFRESH_COOKIE)) fail(`POST /api/auth/logout did not clear the refresh cookie (Set-Cookie: ${logout.headers.getSetCookie().join(' | ') || 'none'})`);
  expectProblem(await refresh(ctx, beforeLogout), 401);
  return 'register 201, login 200, refresh rotated the cookie, me, logout 204, refresh after logout 401';
}

export async function refreshReuseCheck(ctx: VerifyContext): Promise<string> {
  const session = await register(ctx.http, 'reuse');
  const stolen = session.jar.clone();
  const first = await refresh(ctx, session.jar);
  expectStatus(first, 200);
  refreshCookie(first, session.jar);
  const reuse = await refresh(ctx, stolen);
  if (reuse.status !== 401) fail(`reusing an already-rotated refresh token: expected 401, got ${reuse.status}`);
  const newest = await refresh(ctx, session.jar);
  if (newest.status !== 401) fail(`after a reuse, the newest refresh token of the family still works (${newest.status}); the whole family must be revoked`);
  return 'reused token 401, then the newest token of the family 401';
}

export async function credentialErrorsCheck(ctx: VerifyContext): Promise<string> {
  const session = await ctx.user();
  if (!session) fail('no user');
  expectProblem(await ctx.http.request('/api/auth/login', { method: 'POST', json: { email: session.email, password: `${session.password}-wrong` } }), 401);
  expectProblem(await ctx.http.request('/api/auth/register', { method: 'POST', json: { email: session.email, password: session.password } }), 409);
  return 'wrong password 401, taken email 409';
}

export async function todoIsolationCheck(ctx: VerifyContext): Promise<string> {
  const owner: Session | undefined = await ctx.user();
  if (!owner) fail('no user');
  const other = await register(ctx.http, 'other', ctx.options.auth === 'none' ? 'jwt' : ctx.options.auth);
  const todo = await createTodo(ctx.http, owner.headers, uniqueTitle('private'));
  for (const [method, json] of [['GET', undefined], ['PATCH', { completed: true }], ['DELETE', undefined]] as const) {
    const res = await ctx.http.request(todoPath(todo.id), { method, json, headers: other.headers });
    if (res.status !== 404) fail(`${method} another user's todo: expected 404, got ${res.status}`);
    expectProblem(res, 404);
  }
  const list = await ctx.http.request('/api/todos?limit=100', { headers: other.headers });
  expectStatus(list, 200);
  if (bodyOf(list, TodoPageSchema).data.some((t) => t.id === todo.id)) fail("another user's todo appears in GET /api/todos");
  const still = await ctx.http.request(todoPath(todo.id), { headers: owner.headers });
  expectStatus(still, 200);
  return "GET/PATCH/DELETE of another user's todo 404, not listed, untouched";
}
