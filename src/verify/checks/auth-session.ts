/** Step 4.3, `--auth session`: the server-side session, its cookie, CSRF protection, rotation and logout. */
import { z } from 'zod';
import { createTodo, CSRF_HEADER, login, register, SESSION_COOKIE, SessionAuthSchema, uniqueTitle, type Session } from '../api.js';
import { bodyOf, expectProblem, expectStatus } from '../assert.js';
import type { VerifyContext } from '../context.js';
import type { CookieJar } from '../cookies.js';
import type { HttpResponse } from '../http.js';
import { fail, type Phase } from '../runner.js';
import { credentialErrorsCheck, todoIsolationCheck } from './auth.js';

const FOREIGN_ORIGIN = 'http://evil.example';

/** The session cookie a response set, with the attributes the contract asks for. */
function expectSessionCookie(res: HttpResponse, jar: CookieJar): string {
  const cookie = jar.get(SESSION_COOKIE);
  if (!cookie || !res.headers.getSetCookie().some((h) => h.startsWith(`${SESSION_COOKIE}=`))) {
    fail(`${res.request} -> ${res.status} set no ${SESSION_COOKIE} cookie (Set-Cookie: ${res.headers.getSetCookie().join(' | ') || 'none'})`);
  }
  const problems: string[] = [];
  if (!cookie.httpOnly) problems.push('not HttpOnly');
  const sameSite = cookie.sameSite?.toLowerCase();
  if (sameSite !== 'lax' && sameSite !== 'strict') problems.push(`SameSite=${cookie.sameSite ?? 'missing'}`);
  if (cookie.path !== '/') problems.push(`Path=${cookie.path}`);
  if (Buffer.from(cookie.value, 'base64url').length < 32) problems.push(`a session id of ${cookie.value.length} characters (expected 256 random bits)`);
  if (problems.length) fail(`${res.request}: session cookie ${problems.join(', ')}; expected HttpOnly; SameSite=Lax or Strict; Path=/ (got "${cookie.raw}")`);
  return cookie.value;
}

function me(ctx: VerifyContext, cookie: string): Promise<HttpResponse> {
  return ctx.http.request('/api/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
}

export async function sessionRequiredCheck(ctx: VerifyContext): Promise<string> {
  expectProblem(await ctx.todos.list({}), 401);
  expectProblem(await ctx.todos.list({ cookie: `${SESSION_COOKIE}=not-a-session` }), 401);
  expectProblem(await ctx.todos.create({}, { title: 'x' }), 401);
  expectProblem(await ctx.http.request('/api/auth/me'), 401);
  return 'no cookie and an unknown session id -> 401 problem+json';
}

export async function sessionFlowCheck(ctx: VerifyContext): Promise<string> {
  const registered = await register(ctx.http, 'flow', 'session');
  const first = await ctx.http.request('/api/auth/me', { headers: { cookie: registered.headers.cookie ?? '' } });
  expectStatus(first, 200);
  const body = bodyOf(first, SessionAuthSchema);
  if (body.user.email !== registered.email) fail(`GET /api/auth/me returned ${body.user.email}, expected ${registered.email}`);
  if (body.csrfToken !== registered.csrfToken) fail('GET /api/auth/me returned another CSRF token than the one register gave for the same session');
  const csrf = await ctx.http.request('/api/auth/csrf', { headers: { cookie: registered.headers.cookie ?? '' } });
  expectStatus(csrf, 200);
  if (bodyOf(csrf, z.object({ csrfToken: z.string() })).csrfToken !== registered.csrfToken) fail('GET /api/auth/csrf returned another CSRF token than the session has');

  // register's own response: the cookie attributes
  const fresh = await register(ctx.http, 'cookie', 'session');
  const cookieRes = await ctx.http.request('/api/auth/login', { method: 'POST', json: { email: fresh.email, password: fresh.password }, jar: fresh.jar });
  expectStatus(cookieRes, 200);
  expectSessionCookie(cookieRes, fresh.jar);
  return 'register 201 and login 200 set sid (HttpOnly, SameSite, Path=/, 256-bit id); me and csrf return the session\'s CSRF token';
}

export async function csrfCheck(ctx: VerifyContext): Promise<string> {
  const session = await register(ctx.http, 'csrf', 'session');
  const cookieOnly = { cookie: session.headers.cookie ?? '' };
  const other = await register(ctx.http, 'csrf-other', 'session');
  const create = ctx.todos.describe('create');
  const remove = ctx.todos.style === 'trpc' ? 'todos.remove' : 'DELETE /api/todos/:id';
  expectProblem(await ctx.todos.create(cookieOnly, { title: uniqueTitle('forged') }), 403);
  expectProblem(await ctx.todos.create({ ...cookieOnly, [CSRF_HEADER]: other.csrfToken }, { title: uniqueTitle('forged') }), 403);
  expectProblem(await ctx.todos.create({ ...session.headers, origin: FOREIGN_ORIGIN }, { title: uniqueTitle('forged') }), 403);
  const todo = await createTodo(ctx.todos, session.headers, uniqueTitle('csrf'));
  expectProblem(await ctx.todos.remove(cookieOnly, todo.id), 403);
  expectStatus(await ctx.todos.list(cookieOnly), 200);
  return `${create} without X-CSRF-Token 403, with another session's token 403, from ${FOREIGN_ORIGIN} 403, ${remove} without token 403; reads need no token`;
}

export async function rotationCheck(ctx: VerifyContext): Promise<string> {
  const registered = await register(ctx.http, 'rotate', 'session');
  const before = registered.jar.get(SESSION_COOKIE)?.value ?? fail('register set no session cookie');
  // log in again from the same browser (same jar): the session must be replaced, not reused
  const again: Session = await login(ctx.http, registered, 'session', registered.jar);
  const after = again.jar.get(SESSION_COOKIE)?.value ?? fail('login set no session cookie');
  if (after === before) fail('POST /api/auth/login kept the session id the request came with (session fixation)');
  if (again.csrfToken === registered.csrfToken) fail('POST /api/auth/login kept the CSRF token of the previous session');
  const old = await me(ctx, before);
  if (old.status !== 401) fail(`the session id from before login still works after login (GET /api/auth/me -> ${old.status}); it must be destroyed`);
  expectStatus(await me(ctx, after), 200);
  return 'login issued a new session id and CSRF token; the previous id -> 401';
}

export async function logoutCheck(ctx: VerifyContext): Promise<string> {
  const session = await register(ctx.http, 'logout', 'session');
  const value = session.jar.get(SESSION_COOKIE)?.value ?? fail('register set no session cookie');
  expectProblem(await ctx.http.request('/api/auth/logout', { method: 'POST', headers: { cookie: `${SESSION_COOKIE}=${value}` } }), 403);
  const res = await ctx.http.request('/api/auth/logout', { method: 'POST', headers: { [CSRF_HEADER]: session.csrfToken }, jar: session.jar });
  expectStatus(res, 204);
  if (session.jar.get(SESSION_COOKIE)) fail(`POST /api/auth/logout did not clear the session cookie (Set-Cookie: ${res.headers.getSetCookie().join(' | ') || 'none'})`);
  const replay = await me(ctx, value);
  if (replay.status !== 401) fail(`replaying the cookie after logout: GET /api/auth/me -> ${replay.status}, expected 401 (the session must be destroyed server-side)`);
  expectProblem(replay, 401);
  expectProblem(await ctx.todos.list({ cookie: `${SESSION_COOKIE}=${value}` }), 401);
  return 'logout without CSRF token 403; with it 204, cookie cleared; the old cookie replayed -> 401';
}

export async function sessionAuthChecks(ctx: VerifyContext, phase: Phase): Promise<void> {
  await phase.run('todos require a session cookie', () => sessionRequiredCheck(ctx));
  await phase.run('session flow: register, login, me, csrf', () => sessionFlowCheck(ctx));
  await phase.run('CSRF token and Origin required on changes', () => csrfCheck(ctx));
  await phase.run('session rotated on login', () => rotationCheck(ctx));
  await phase.run('logout destroys the session server-side', () => logoutCheck(ctx));
  await phase.run('wrong credentials 401, taken email 409', () => credentialErrorsCheck(ctx));
  await phase.run("another user's todo is 404", () => todoIsolationCheck(ctx));
}
