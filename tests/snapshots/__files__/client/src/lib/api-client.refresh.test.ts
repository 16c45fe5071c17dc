import { TodoPageSchema } from '@app/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { authorizationOf, jsonResponse, mockFetch, problemResponse } from '../test/http';
import { ApiError, api } from './api-client';
import { getSession, setSession, subscribeSession } from './session';

const user = {
  id: '6f1c1b7e-2d4a-4f7e-9a43-0c8f3d5b2a10',
  email: 'ada@example.com',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const page = { data: [], nextCursor: null };

beforeEach(() => setSession({ user, accessToken: 'expired-token' }));

describe('api client with auth', () => {
  it('attaches the access token and keeps it out of web storage', async () => {
    const fetchMock = mockFetch(() => jsonResponse(page));
    await api.get('/api/todos', TodoPageSchema);
    expect(authorizationOf(fetchMock.mock.calls[0]?.[1])).toBe('Bearer expired-token');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('refreshes once on 401 and retries the request with the new token', async () => {
    const fetchMock = mockFetch((url, init) => {
      if (url === '/api/auth/refresh') return jsonResponse({ user, accessToken: 'fresh-token' });
      return authorizationOf(init) === 'Bearer fresh-token' ? jsonResponse(page) : problemResponse(401);
    });

    await expect(api.get('/api/todos', TodoPageSchema)).resolves.toEqual(page);

    const urls = fetchMock.mock.calls.map(([url]) => url);
    expect(urls).toEqual(['/api/todos', '/api/auth/refresh', '/api/todos']);
    expect(fetchMock.mock.calls[1]?.[1]).toMatchObject({ method: 'POST', credentials: 'include' });
    expect(getSession()?.accessToken).toBe('fresh-token');
  });

  it('shares one refresh between concurrent 401s', async () => {
    const fetchMock = mockFetch((url, init) => {
      if (url === '/api/auth/refresh') return jsonResponse({ user, accessToken: 'fresh-token' });
      return authorizationOf(init) === 'Bearer fresh-token' ? jsonResponse(page) : problemResponse(401);
    });

    await Promise.all([api.get('/api/todos', TodoPageSchema), api.get('/api/todos?cursor=a', TodoPageSchema)]);

    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('takes the cross-tab lock around the refresh, so tabs never present one cookie twice', async () => {
    const lockNames: string[] = [];
    const locks = {
      request: async (name: string, run: () => Promise<unknown>) => {
        lockNames.push(name);
        return run();
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    mockFetch((url, init) => {
      if (url === '/api/auth/refresh') return jsonResponse({ user, accessToken: 'fresh-token' });
      return authorizationOf(init) === 'Bearer fresh-token' ? jsonResponse(page) : problemResponse(401);
    });
    try {
      await api.get('/api/todos', TodoPageSchema);
    } finally {
      Object.defineProperty(navigator, 'locks', { value: null, configurable: true });
    }
    expect(lockNames).toEqual(['auth-refresh']);
  });

  it('clears the session and stops when the refresh is refused', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeSession(listener);
    const fetchMock = mockFetch(() => problemResponse(401));

    const error = await api.get('/api/todos', TodoPageSchema).catch((caught: unknown) => caught);
    unsubscribe();

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/todos', '/api/auth/refresh']);
    expect(getSession()).toBeNull();
    expect(listener).toHaveBeenCalled();
  });

  it('retries only once when the new token is rejected too', async () => {
    const fetchMock = mockFetch((url) =>
      url === '/api/auth/refresh' ? jsonResponse({ user, accessToken: 'fresh-token' }) : problemResponse(401),
    );

    await expect(api.get('/api/todos', TodoPageSchema)).rejects.toMatchObject({ status: 401 });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/todos', '/api/auth/refresh', '/api/todos']);
  });

  it('does not refresh when the login itself answers 401', async () => {
    const fetchMock = mockFetch(() => problemResponse(401));
    await expect(
      api.post('/api/auth/login', { email: 'a@b.c', password: 'wrong-password' }, TodoPageSchema),
    ).rejects.toMatchObject({
      status: 401,
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
