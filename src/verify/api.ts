/** The generated app's API as the checks use it: users, sessions and todos, per the contract. */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { bodyOf, expectStatus } from './assert.js';
import { CookieJar } from './cookies.js';
import { bearer, type HttpClient, type HttpResponse } from './http.js';
import { fail } from './runner.js';
import type { TodoApi } from './todo-api.js';

export { todoPath } from './todo-api.js';

export const UserSchema = z.object({ id: z.union([z.string(), z.number()]), email: z.string() });
export const AuthSchema = z.object({ user: UserSchema, accessToken: z.string().min(1) });
/** `--auth session`: the session id is a cookie, the body carries the CSRF token. */
export const SessionAuthSchema = z.object({ user: UserSchema, csrfToken: z.string().min(1) });

/** The auth strategies with users (`--auth` other than none). */
export type AuthMode = 'jwt' | 'session';
export const SESSION_COOKIE = 'sid';
export const CSRF_HEADER = 'x-csrf-token';
export const TodoSchema = z.object({ id: z.union([z.string(), z.number()]), title: z.string(), completed: z.boolean() });
export const TodoPageSchema = z.object({ data: z.array(TodoSchema), nextCursor: z.string().nullable() });
export type Todo = z.infer<typeof TodoSchema>;

/**
 * One logged-in session. jwt: its own access token and refresh cookie, `headers` the bearer header.
 * session: its session cookie (in `jar`) and CSRF token; `headers` carry both, as a browser sends them.
 */
export interface Session {
  email: string;
  password: string;
  userId: string;
  accessToken: string;
  csrfToken: string;
  jar: CookieJar;
  headers: Record<string, string>;
}

export const REFRESH_COOKIE = 'refresh_token';

/** Unique per call, so runs never collide in a reused database. */
export function newCredentials(label: string): { email: string; password: string } {
  return {
    email: `verify-${label}-${randomUUID().slice(0, 8)}@example.com`,
    password: `Verify-${randomBytes(9).toString('base64url')}-7a`,
  };
}

export function uniqueTitle(label: string): string {
  return `verify ${label} ${randomUUID().slice(0, 8)}`;
}

/** The session a register or login response opened, read the way `mode` says. */
export function sessionOf(res: HttpResponse, credentials: { email: string; password: string }, jar: CookieJar, mode: AuthMode): Session {
  if (mode === 'jwt') {
    const body = bodyOf(res, AuthSchema);
    return { ...credentials, userId: String(body.user.id), accessToken: body.accessToken, csrfToken: '', jar, headers: bearer(body.accessToken) };
  }
  const body = bodyOf(res, SessionAuthSchema);
  const cookie = jar.get(SESSION_COOKIE);
  if (!cookie) fail(`${res.request} -> ${res.status} set no ${SESSION_COOKIE} cookie (Set-Cookie: ${res.headers.getSetCookie().join(' | ') || 'none'})`);
  return {
    ...credentials,
    userId: String(body.user.id),
    accessToken: '',
    csrfToken: body.csrfToken,
    jar,
    headers: { cookie: `${cookie.name}=${cookie.value}`, [CSRF_HEADER]: body.csrfToken },
  };
}

export async function register(http: HttpClient, label: string, mode: AuthMode = 'jwt'): Promise<Session> {
  const credentials = newCredentials(label);
  const jar = new CookieJar();
  const res = await http.request('/api/auth/register', { method: 'POST', json: credentials, jar });
  expectStatus(res, 201);
  return sessionOf(res, credentials, jar, mode);
}

/** A new session (own cookie) for an existing user; `jar` may hold the cookie of an earlier session. */
export async function login(
  http: HttpClient,
  credentials: { email: string; password: string },
  mode: AuthMode = 'jwt',
  jar = new CookieJar(),
): Promise<Session> {
  const body = { email: credentials.email, password: credentials.password };
  const res = await http.request('/api/auth/login', { method: 'POST', json: body, jar });
  expectStatus(res, 200);
  return sessionOf(res, { email: credentials.email, password: credentials.password }, jar, mode);
}

export async function createTodo(todos: TodoApi, headers: Record<string, string>, title: string): Promise<Todo> {
  const res = await todos.create(headers, { title });
  expectStatus(res, todos.createdStatus);
  return bodyOf(res, TodoSchema);
}
