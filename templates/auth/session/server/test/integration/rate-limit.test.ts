import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf, send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('rate limit on /api/auth/*', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { AUTH_RATE_LIMIT_MAX: '3', AUTH_RATE_LIMIT_WINDOW_MS: '60000' } });
  });
  afterAll(() => server.stop());

  it('answers 429 problem+json with standard headers once the limit is used up', async () => {
    const attempt = () => send(`${server.url}/api/auth/me`);
    for (let i = 0; i < 3; i += 1) {
      const response = await attempt();
      expect(response.status).toBe(401);
      expect(response.headers.get('ratelimit')).toMatch(/^"auth"; r=\d+; t=\d+$/);
    }

    const limited = await attempt();
    const problem = await problemOf(limited, 429);
    expect(problem.title).toBe('Too many requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-policy')).toContain('q=3');
  });

  it('does not limit the rest of the API', async () => {
    expect((await send(`${server.url}/health`)).status).toBe(200);
  });
});
