/** The generated app's API as the checks use it: users, sessions and todos, per the contract. */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { bodyOf, expectStatus } from './assert.js';
import { CookieJar } from './cookies.js';
import { bearer, type HttpClient } from './http.js';
import type { TodoApi } from './todo-api.js';

export { todoPath } from './todo-api.js';

export const UserSchema = z.object({ id: z.union([z.string(), z.number()]), email: z.string() });
export const AuthSchema = z.object({ user: UserSchema, accessToken: z.string().min(1) });
export const TodoSchema = z.object({ id: z.union([z.string(), z.number()]), title: z.string(), completed: z.boolean() });
export const TodoPageSchema = z.object({ data: z.array(TodoSchema), nextCursor: z.string().nullable() });
export type Todo = z.infer<typeof TodoSchema>;

/** One logged-in session: its own access token and refresh cookie. */
export interface Session {
  email: string;
  password: string;
  userId: string;
  accessToken: string;
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

function session(credentials: { email: string; password: string }, body: z.infer<typeof AuthSchema>, jar: CookieJar): Session {
  return {
    ...credentials,
    userId: String(body.user.id),
    accessToken: body.accessToken,
    jar,
    headers: bearer(body.accessToken),
  };
}

export async function register(http: HttpClient, label: string): Promise<Session> {
  const credentials = newCredentials(label);
  const jar = new CookieJar();
  const res = await http.request('/api/auth/register', { method: 'POST', json: credentials, jar });
  expectStatus(res, 201);
  return session(credentials, bodyOf(res, AuthSchema), jar);
}

/** A new session (own refresh cookie) for an existing user. */
export async function login(http: HttpClient, credentials: { email: string; password: string }): Promise<Session> {
  const jar = new CookieJar();
  const body = { email: credentials.email, password: credentials.password };
  const res = await http.request('/api/auth/login', { method: 'POST', json: body, jar });
  expectStatus(res, 200);
  return session({ email: credentials.email, password: credentials.password }, bodyOf(res, AuthSchema), jar);
}

export async function createTodo(todos: TodoApi, headers: Record<string, string>, title: string): Promise<Todo> {
  const res = await todos.create(headers, { title });
  expectStatus(res, todos.createdStatus);
  return bodyOf(res, TodoSchema);
}
