import { TodoPageSchema, TodoSchema } from '@app/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../test/http';
import { ApiError, api } from './api-client';
import { getSession, setSession } from './session';

const user = {
  id: '6f1c1b7e-2d4a-4f7e-9a43-0c8f3d5b2a10',
  email: 'ada@example.com',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const page = { data: [], nextCursor: null };
const todo = {
  id: '7a2d2c8f-3e5b-4a8f-8b54-1d9e4c6a3b21',
  title: 'x',
  completed: false,
  createdAt: user.createdAt,
  updatedAt: user.createdAt,
};

const csrfOf = (init: RequestInit | undefined) => new Headers(init?.headers).get('X-CSRF-Token');

beforeEach(() => setSession({ user, csrfToken: 'csrf-1' }));

describe('api client with a server-side session', () => {
  it('sends the cookie, never a token of its own, and keeps nothing in web storage', async () => {
    const fetchMock = mockFetch(() => jsonResponse(page));
    await api.get('/api/todos', TodoPageSchema);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init).toMatchObject({ credentials: 'include' });
    expect(new Headers(init?.headers).get('Authorization')).toBeNull();
    expect(csrfOf(init)).toBeNull(); // reads need no CSRF token
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('adds the CSRF token to every state-changing request', async () => {
    const fetchMock = mockFetch((_url, init) =>
      init.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse(todo),
    );
    await api.post('/api/todos', { title: 'x' }, TodoSchema);
    await api.patch(`/api/todos/${todo.id}`, { completed: true }, TodoSchema);
    await api.delete(`/api/todos/${todo.id}`);
    expect(fetchMock.mock.calls.map(([, init]) => csrfOf(init))).toEqual(['csrf-1', 'csrf-1', 'csrf-1']);
  });

  it('drops the local session on a 401, so the login form shows; no refresh, no retry', async () => {
    const fetchMock = mockFetch(() => problemResponse(401));
    await expect(api.get('/api/todos', TodoPageSchema)).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(getSession()).toBeNull();
  });

  it('keeps the session on a 403 (a CSRF refusal is not a sign-out)', async () => {
    mockFetch(() => problemResponse(403));
    await expect(api.post('/api/todos', { title: 'x' }, TodoSchema)).rejects.toMatchObject({ status: 403 });
    expect(getSession()).not.toBeNull();
  });
});
