import { TodoSchema } from '@app/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTodo } from '../test/fixtures';
import { jsonResponse, mockFetch, problemResponse } from '../test/http';
import { api, ApiError, NetworkError } from './api-client';
import { connectivity } from './connectivity';

afterEach(() => connectivity.reportResponse());

describe('api client', () => {
  it('sends JSON with credentials and parses the answer with the shared schema', async () => {
    const todo = makeTodo({ title: 'Buy milk' });
    const fetchMock = mockFetch(() => jsonResponse(todo, 201));

    await expect(api.post('/api/todos', { title: 'Buy milk' }, TodoSchema)).resolves.toEqual(todo);

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/todos');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'include',
      cache: 'no-store',
      body: JSON.stringify({ title: 'Buy milk' }),
    });
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('rejects an answer that breaks the shared contract', async () => {
    mockFetch(() => jsonResponse({ id: 1 }));
    await expect(api.get('/api/todos/1', TodoSchema)).rejects.toThrow();
  });

  it('throws ApiError with the status and the parsed problem+json body', async () => {
    mockFetch(() => problemResponse(404, { title: 'Not Found' }));
    const error = await api.get('/api/todos/x', TodoSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, problem: { status: 404, title: 'Not Found', request_id: 'req-1' } });
  });

  it('keeps the status when the error body is not problem+json', async () => {
    mockFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await api.get('/api/todos', TodoSchema).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, problem: null });
  });

  it('turns a failed fetch into NetworkError and reports the API unreachable', async () => {
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.delete('/api/todos/1')).rejects.toBeInstanceOf(NetworkError);
    expect(connectivity.get().apiReachable).toBe(false);
  });
});
