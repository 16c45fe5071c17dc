import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newActor, type Actor } from '../support/actors.js';
import { problemOf, send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { query } from '../support/trpc.js';

/** What Fastify decides before tRPC runs (content-type parsing, routing), answered in the same contract. */
describe('Fastify request handling', () => {
  let server: TestServer;
  let actor: Actor;

  beforeAll(async () => {
    server = await startTestServer();
    actor = await newActor(server);
  });
  afterAll(() => server.stop());

  it('answers 415 problem+json to a body that is not JSON', async () => {
    const response = await send(`${server.url}/api/trpc/todos.create`, {
      method: 'POST',
      body: 'title=x',
      headers: { ...actor.headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const problem = await problemOf(response, 415);
    expect(problem.detail).toBe('The request body must be application/json.');
  });

  it('answers 400 problem+json to an empty body sent as JSON', async () => {
    const response = await send(`${server.url}/api/trpc/todos.create`, {
      method: 'POST',
      body: '',
      headers: { ...actor.headers, 'content-type': 'application/json' },
    });
    await problemOf(response, 400);
  });

  it('routes a batch naming many procedures in one path segment', async () => {
    const paths = Array.from({ length: 12 }, () => 'todos.list').join(',');
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i, { limit: 1 }]))),
    );
    const response = await send(`${server.url}/api/trpc/${paths}?batch=1&input=${input}`, { headers: actor.headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(12);
  });

  it('marks API answers, and only them, no-store', async () => {
    expect((await query(server.url, 'todos.list', {}, actor.headers)).headers.get('cache-control')).toBe('no-store');
    expect((await send(`${server.url}/api/nothing-here`)).headers.get('cache-control')).toBe('no-store');
    expect((await send(`${server.url}/health`)).headers.get('cache-control')).toBeNull();
  });

  it('logs each request once, when its response is done, with the request id', async () => {
    await query(server.url, 'todos.list', {}, { ...actor.headers, 'x-request-id': 'fastify-trace-1' });
    const lines = server.logs.lines.filter((line) => line.request_id === 'fastify-trace-1');
    expect(lines.filter((line) => line.msg === 'request completed')).toEqual([
      expect.objectContaining({ res: { statusCode: 200 }, responseTime: expect.any(Number) }),
    ]);
  });
});
