import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newActor, type Actor } from '../support/actors.js';
import { problemOf, send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('HTTP behaviour shared by every route', () => {
  let server: TestServer;
  let actor: Actor;

  beforeAll(async () => {
    server = await startTestServer();
    actor = await newActor(server);
  });
  afterAll(() => server.stop());

  describe('problem+json errors', () => {
    it('answers 400 to malformed JSON', async () => {
      const response = await send(`${server.url}/api/todos`, {
        method: 'POST',
        body: '{"title": ',
        headers: { ...actor.headers, 'content-type': 'application/json' },
      });
      const problem = await problemOf(response, 400);
      expect(problem).toMatchObject({ title: 'Bad request', detail: 'The request body is not valid JSON.' });
    });

    it('answers 413 to a body over the limit', async () => {
      const response = await send(`${server.url}/api/todos`, {
        method: 'POST',
        json: { title: 'x'.repeat(120_000) },
        headers: actor.headers,
      });
      await problemOf(response, 413);
    });

    it('answers 422 with the path of each invalid field', async () => {
      const response = await send(`${server.url}/api/todos`, {
        method: 'POST',
        json: { title: '   ', extra: true },
        headers: actor.headers,
      });
      const problem = await problemOf(response, 422);
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          { path: ['title'], message: 'Title is required' },
          expect.objectContaining({ path: [], message: expect.stringContaining('extra') }),
        ]),
      );
    });

    it.each([
      ['GET', '/api/nothing-here'],
      ['DELETE', '/api'],
      ['GET', '/nothing-here'],
    ])('answers 404 to %s %s', async (method, path) => {
      const problem = await problemOf(await send(`${server.url}${path}`, { method }), 404);
      expect(problem.detail).toBe(`No route matches ${method} ${path}.`);
    });
  });

  describe('request id', () => {
    it('echoes a safe inbound x-request-id and logs with it', async () => {
      const response = await send(`${server.url}/health`, { headers: { 'x-request-id': 'edge-proxy:42.a_b-c' } });
      expect(response.headers.get('x-request-id')).toBe('edge-proxy:42.a_b-c');

      await send(`${server.url}/api/todos`, { headers: { ...actor.headers, 'x-request-id': 'trace-me-1' } });
      const lines = server.logs.lines.filter((line) => line.request_id === 'trace-me-1');
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['request received', 'request completed']));
    });

    it.each([['has spaces in it'], ['x'.repeat(129)], ['<script>']])('replaces the unsafe id %j with a UUID', async (id) => {
      const response = await send(`${server.url}/health`, { headers: { 'x-request-id': id } });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('generates one when none is sent', async () => {
      const first = (await send(`${server.url}/health`)).headers.get('x-request-id');
      const second = (await send(`${server.url}/health`)).headers.get('x-request-id');
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(second).not.toBe(first);
    });
  });

  describe('security headers', () => {
    it('sets helmet headers and hides the framework', async () => {
      const response = await send(`${server.url}/health`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('keeps upgrade-insecure-requests out of the CSP outside production', async () => {
      const response = await send(`${server.url}/health`);
      expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    });
  });

  describe('CORS', () => {
    it('allows a listed origin, with credentials', async () => {
      const response = await send(`${server.url}/health`, { headers: { origin: 'http://localhost:5173' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('answers a preflight from a listed origin', async () => {
      const response = await send(`${server.url}/api/todos`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    });

    it('gives another origin no CORS headers, and no error', async () => {
      const response = await send(`${server.url}/health`, { headers: { origin: 'https://evil.example' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();

      const preflight = await send(`${server.url}/api/todos`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE' },
      });
      expect(preflight.status).toBeLessThan(500);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('unexpected errors', () => {
  let server: TestServer;
  let actor: Actor;

  beforeAll(async () => {
    server = await startTestServer();
    actor = await newActor(server);
  });
  afterAll(() => server.stop());

  it('answers a generic 500 and logs the error with its stack', async () => {
    // A read that fails the way a bug would: with a plain Error.
    vi.spyOn(server.database, 'query').mockRejectedValueOnce(new Error('boom: secret internal detail'));

    const response = await send(`${server.url}/api/todos`, { headers: actor.headers });
    const problem = await problemOf(response, 500);
    expect(problem).toMatchObject({ title: 'Internal server error', detail: 'An unexpected error occurred.' });
    expect(JSON.stringify(problem)).not.toContain('secret internal detail');

    const logged = server.logs.find((line) => line.msg === 'unhandled error');
    expect(logged).toMatchObject({ level: 'error', request_id: problem.request_id });
    expect(JSON.stringify(logged)).toMatch(/"stack":"Error: boom: secret internal detail\\n\s*at /);
  });
});
