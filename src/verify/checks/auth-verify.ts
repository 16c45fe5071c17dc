/**
 * Step 4.3, microservice + auth jwt: a verification-only service. Step 4 mints tokens the way the
 * identity provider would; the service must take exactly those and keep no session state.
 */
import { randomBytes } from 'node:crypto';
import { expectProblem, expectStatus } from '../assert.js';
import { CLIENT_ORIGIN, type VerifyContext } from '../context.js';
import { bearer } from '../http.js';
import { fail } from '../runner.js';
import type { TokenMinter } from '../tokens.js';

function minterOf(ctx: VerifyContext): TokenMinter {
  if (!ctx.tokens) fail('no token settings: Step 4 starts a microservice with JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE');
  return ctx.tokens;
}

/** Expired, another issuer, another audience, another key: each a 401 problem+json with WWW-Authenticate. */
export async function refusedTokensCheck(ctx: VerifyContext): Promise<string> {
  const tokens = minterOf(ctx);
  const sub = `verify-refused-${randomBytes(4).toString('hex')}`;
  const cases: [string, string][] = [
    ['expired', tokens.mint({ sub, expiresIn: -120 })],
    ['another issuer', tokens.mint({ sub, issuer: 'https://evil.example' })],
    ['another audience', tokens.mint({ sub, audience: 'another-service' })],
    ['another key', tokens.mint({ sub, secret: randomBytes(48).toString('base64url') })],
  ];
  const { todos } = ctx;
  const list = todos.describe('list');
  for (const [what, token] of cases) {
    const res = await todos.list(bearer(token));
    if (res.status !== 401) fail(`a token with ${what} was not refused: ${list} -> ${res.status}, expected 401`);
    expectProblem(res, 401);
    // RFC 6750's challenge is asked of the REST routes; tRPC carries the error in its own envelope
    const challenge = res.headers.get('www-authenticate');
    if (todos.style === 'rest' && challenge?.toLowerCase() !== 'bearer') {
      fail(`401 for a token with ${what}: WWW-Authenticate is "${challenge ?? 'missing'}", expected "Bearer"`);
    }
  }
  const valid = await todos.list(bearer(tokens.mint({ sub })));
  expectStatus(valid, 200);
  return `${cases.map(([what]) => what).join(', ')} -> 401; a valid token for the configured issuer and audience -> 200`;
}

/** No sign-in routes, no Set-Cookie anywhere, CORS without credentials. */
export async function statelessCheck(ctx: VerifyContext): Promise<string> {
  const user = await ctx.user();
  const headers = user?.headers ?? {};
  const responses = [
    await ctx.http.request('/api/auth/login', { method: 'POST', json: { email: 'verify@example.com', password: 'not-a-password' } }),
    await ctx.todos.create(headers, { title: 'verify stateless' }),
    await ctx.todos.list({ ...headers, origin: CLIENT_ORIGIN }),
    await ctx.http.request('/ready'),
  ];
  const [login] = responses;
  if (login && login.status !== 404) fail(`POST /api/auth/login answered ${login.status}: a verification-only service has no sign-in routes (expected 404)`);
  for (const res of responses) {
    const cookies = res.headers.getSetCookie();
    if (cookies.length > 0) fail(`${res.request} -> ${res.status} set a cookie (${cookies.join(' | ')}): a stateless service sets none`);
  }
  const credentials = responses[2]?.headers.get('access-control-allow-credentials');
  if (credentials) fail(`CORS answers Access-Control-Allow-Credentials: ${credentials}; with no cookies it must not`);
  return 'no /api/auth routes, no Set-Cookie, CORS without credentials';
}
