import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newActor, type Actor } from '../support/actors.js';
import { problemOf, send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** What Fastify decides before a handler runs (content-type parsing), answered in the same contract. */
describe('Fastify request handling', () => {
  let server: TestServer;
  let actor: Actor;

  beforeAll(async () => {
    server = await startTestServer();
    actor = await newActor(server);
  });
  afterAll(() => server.stop());

  it('answers 415 problem+json to a body that is not JSON', async () => {
    const response = await send(`${server.url}/api/todos`, {
      method: 'POST',
      body: 'title=x',
      headers: { ...actor.headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const problem = await problemOf(response, 415);
    expect(problem.detail).toBe('The request body must be application/json.');
  });

  it('answers 400 problem+json to an empty body sent as JSON', async () => {
    const response = await send(`${server.url}/api/todos`, {
      method: 'POST',
      body: '',
      headers: { ...actor.headers, 'content-type': 'application/json' },
    });
    await problemOf(response, 400);
  });

  it('marks API answers, and only them, no-store', async () => {
    expect((await send(`${server.url}/api/todos`, { headers: actor.headers })).headers.get('cache-control')).toBe(
      'no-store',
    );
    expect((await send(`${server.url}/api/nothing-here`)).headers.get('cache-control')).toBe('no-store');
    expect((await send(`${server.url}/health`)).headers.get('cache-control')).toBeNull();
  });

  it('logs each request once, when its response is done, with the request id', async () => {
    await send(`${server.url}/api/todos`, { headers: { ...actor.headers, 'x-request-id': 'fastify-trace-1' } });
    const lines = server.logs.lines.filter((line) => line.request_id === 'fastify-trace-1');
    expect(lines.filter((line) => line.msg === 'request completed')).toEqual([
      expect.objectContaining({ res: { statusCode: 200 }, responseTime: expect.any(Number) }),
    ]);
  });
});
