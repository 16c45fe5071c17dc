import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/auth/tokens.js';
import { newActor } from '../support/actors.js';
import { problemOf, send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Verification only: tokens come from the identity provider; the service keeps no session state. */
describe('access token verification', () => {
  let server: TestServer;
  let todosUrl: string;

  beforeAll(async () => {
    server = await startTestServer();
    todosUrl = `${server.url}/api/todos`;
  });
  afterAll(() => server.stop());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('accepts a token of the configured issuer and audience', async () => {
    const actor = await newActor(server);
    expect((await send(todosUrl, { headers: actor.headers })).status).toBe(200);
  });

  it('refuses an expired token, another issuer, another audience and another key', async () => {
    const { jwtSecret, issuer, audience } = server.config.auth;
    const past = new AccessTokens({ secret: jwtSecret, issuer, audience, clock: () => new Date(Date.now() - 3_600_000) });
    const refused = [
      await past.issue('idp|expired', { ttlSeconds: 60 }),
      await new AccessTokens({ secret: jwtSecret, issuer: 'https://evil.example.com', audience }).issue('idp|1', { ttlSeconds: 60 }),
      await new AccessTokens({ secret: jwtSecret, issuer, audience: 'another-service' }).issue('idp|1', { ttlSeconds: 60 }),
      await new AccessTokens({ secret: `${jwtSecret}-other`, issuer, audience }).issue('idp|1', { ttlSeconds: 60 }),
    ];
    for (const token of refused) {
      const response = await send(todosUrl, { headers: bearer(token) });
      await problemOf(response, 401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('has no sign-in routes and never sets a cookie', async () => {
    const actor = await newActor(server);
    const responses = [
      await send(`${server.url}/api/auth/login`, { method: 'POST', json: { email: 'a@example.com', password: 'password1' } }),
      await send(todosUrl, { method: 'POST', json: { title: 'Stateless' }, headers: actor.headers }),
      await send(todosUrl, { headers: actor.headers }),
      await send(`${server.url}/ready`),
    ];
    expect(responses.map((response) => response.status)).toEqual([404, 201, 200, 200]);
    for (const response of responses) expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('allows no browser origin with credentials', async () => {
    const preflight = await send(todosUrl, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
