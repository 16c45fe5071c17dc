import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { authorizationOf, jsonResponse, mockFetch } from '../test/http';
import { trpcErrorResponse } from '../test/trpc';
import { ApiError, NetworkError } from './api-client';
import { getSession, setSession } from './session';
import { createTrpcClient } from './trpc';
import { fromTrpcError } from './trpc-errors';

const user = {
  id: '6f1c1b7e-2d4a-4f7e-9a43-0c8f3d5b2a10',
  email: 'ada@example.com',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const page = { data: [], nextCursor: null };
/** The batching link's answer: one envelope per call. */
const batch = (...results: unknown[]) => jsonResponse(results.map((data) => ({ result: { data } })));

beforeEach(() => setSession({ user, accessToken: 'expired-token' }));

describe('tRPC client', () => {
  it('batches calls into one request that carries the access token', async () => {
    const fetchMock = mockFetch(() => batch(page, page));
    const client = createTrpcClient();
    await Promise.all([client.todos.list.query({ limit: 1 }), client.todos.list.query({ limit: 2 })]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toContain('/api/trpc/todos.list,todos.list?batch=1');
    expect(authorizationOf(init)).toBe('Bearer expired-token');
  });

  it('refreshes once on 401 and sends the batch again with the new token', async () => {
    const fetchMock = mockFetch((url, init) => {
      if (url === '/api/auth/refresh') return jsonResponse({ user, accessToken: 'fresh-token' });
      return authorizationOf(init) === 'Bearer fresh-token' ? batch(page) : trpcErrorResponse(401);
    });

    await expect(createTrpcClient().todos.list.query({ limit: 1 })).resolves.toEqual(page);

    const urls = fetchMock.mock.calls.map(([url]) => new URL(String(url), 'http://localhost').pathname);
    expect(urls).toEqual(['/api/trpc/todos.list', '/api/auth/refresh', '/api/trpc/todos.list']);
    expect(getSession()?.accessToken).toBe('fresh-token');
  });

  it('gives up when the refresh is refused, and the UI reads the 401 problem', async () => {
    mockFetch((url) => (url === '/api/auth/refresh' ? jsonResponse({}, 401) : trpcErrorResponse(401)));
    const error = await createTrpcClient()
      .todos.list.query({ limit: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(fromTrpcError(error)).toMatchObject({ status: 401, problem: { status: 401 } });
    expect(fromTrpcError(error)).toBeInstanceOf(ApiError);
    expect(getSession()).toBeNull();
  });

  it('reports an unreachable server as a NetworkError', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await createTrpcClient()
      .todos.list.query({ limit: 1 })
      .catch((caught: unknown) => caught);
    expect(fromTrpcError(error)).toBeInstanceOf(NetworkError);
  });
});
