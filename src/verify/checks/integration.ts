/** Step 4.3: what a browser client relies on: CORS, security headers, rate limiting. */
import { expectStatus } from '../assert.js';
import { CLIENT_ORIGIN, type VerifyContext } from '../context.js';
import { describe, type HttpResponse } from '../http.js';
import { CheckSkipped, fail, type Phase } from '../runner.js';
import { refusedTokensCheck, statelessCheck } from './auth-verify.js';
import { sessionAuthChecks } from './auth-session.js';
import { authFlowCheck, authRequiredCheck, credentialErrorsCheck, refreshReuseCheck, todoIsolationCheck } from './auth.js';

const EVIL_ORIGIN = 'http://evil.example';

/** The request headers a browser client sends cross-origin (`--auth session` adds its CSRF header). */
function clientHeaders(ctx: VerifyContext): string[] {
  return ['content-type', 'authorization', ...(ctx.options.auth === 'session' ? ['x-csrf-token'] : [])];
}

function preflight(ctx: VerifyContext, origin: string): Promise<HttpResponse> {
  return ctx.http.request(ctx.todos.endpointPath, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': clientHeaders(ctx).join(','),
    },
  });
}

function listIncludes(value: string | null, item: string): boolean {
  return (value ?? '').toLowerCase().split(',').map((s) => s.trim()).includes(item);
}

export async function corsAllowedCheck(ctx: VerifyContext): Promise<string> {
  const res = await preflight(ctx, CLIENT_ORIGIN);
  expectStatus(res, 200, 204);
  const allowOrigin = res.headers.get('access-control-allow-origin');
  if (allowOrigin !== CLIENT_ORIGIN) fail(`preflight from ${CLIENT_ORIGIN}: Access-Control-Allow-Origin is "${allowOrigin ?? 'missing'}", expected exactly that origin`);
  const credentials = res.headers.get('access-control-allow-credentials');
  // A microservice sets no cookies, so it must not ask browsers to send credentials.
  const stateless = ctx.options.service === 'microservice';
  if (!stateless && credentials !== 'true') fail(`preflight: Access-Control-Allow-Credentials is "${credentials ?? 'missing'}", expected "true" (the refresh cookie needs it)`);
  if (stateless && credentials !== null) fail(`preflight: Access-Control-Allow-Credentials is "${credentials}", expected none (a microservice sets no cookies)`);
  const methods = res.headers.get('access-control-allow-methods');
  if (methods !== null && !listIncludes(methods, 'post')) fail(`preflight: Access-Control-Allow-Methods "${methods}" does not allow POST`);
  const allowHeaders = res.headers.get('access-control-allow-headers');
  for (const name of clientHeaders(ctx)) {
    if (!listIncludes(allowHeaders, name)) fail(`preflight: Access-Control-Allow-Headers "${allowHeaders ?? 'missing'}" does not allow ${name}`);
  }
  const simple = await ctx.http.request('/health', { headers: { origin: CLIENT_ORIGIN } });
  if (simple.headers.get('access-control-allow-origin') !== CLIENT_ORIGIN) {
    fail(`GET /health from ${CLIENT_ORIGIN}: Access-Control-Allow-Origin is "${simple.headers.get('access-control-allow-origin') ?? 'missing'}"`);
  }
  return `preflight ${res.status}: origin ${CLIENT_ORIGIN}, ${stateless ? 'no credentials' : 'credentials'}, POST, ${clientHeaders(ctx).join('+')}`;
}

export async function corsRefusedCheck(ctx: VerifyContext): Promise<string> {
  for (const res of [await preflight(ctx, EVIL_ORIGIN), await ctx.http.request('/health', { headers: { origin: EVIL_ORIGIN } })]) {
    const allowOrigin = res.headers.get('access-control-allow-origin');
    if (allowOrigin !== null) fail(`${res.request} from ${EVIL_ORIGIN}: Access-Control-Allow-Origin is "${allowOrigin}", expected no header (explicit origins only)`);
  }
  return `no Access-Control-Allow-Origin for ${EVIL_ORIGIN}`;
}

/** What helmet sets (and removes) on every response. */
export function missingSecurityHeaders(headers: Headers): string[] {
  const problems: string[] = [];
  if (headers.get('x-content-type-options') !== 'nosniff') problems.push(`x-content-type-options is "${headers.get('x-content-type-options') ?? 'missing'}"`);
  const csp = headers.get('content-security-policy');
  if (!csp) problems.push('no content-security-policy');
  if (!headers.get('x-frame-options') && !csp?.includes('frame-ancestors')) problems.push('no x-frame-options nor CSP frame-ancestors');
  if (!headers.get('referrer-policy')) problems.push('no referrer-policy');
  if (headers.get('x-powered-by')) problems.push(`x-powered-by "${headers.get('x-powered-by')}" reveals the framework`);
  return problems;
}

export async function securityHeadersCheck(ctx: VerifyContext): Promise<string> {
  for (const path of ['/health', ctx.todos.endpointPath]) {
    const res = await ctx.http.request(path);
    const problems = missingSecurityHeaders(res.headers);
    if (problems.length) fail(`${res.request} -> ${res.status}: ${problems.join('; ')}`);
  }
  return 'nosniff, CSP, frame protection, referrer-policy; no x-powered-by';
}

export async function rateLimitHeadersCheck(ctx: VerifyContext): Promise<string> {
  if (ctx.options.auth === 'none') throw new CheckSkipped('auth: none (no /api/auth routes)');
  if (ctx.options.service === 'microservice') throw new CheckSkipped('microservice: no /api/auth routes, tokens come from the identity provider');
  const res = await ctx.http.request('/api/auth/login', { method: 'POST', json: { email: 'verify-nobody@example.com', password: 'wrong-password-1' } });
  const found = ['ratelimit', 'ratelimit-policy'].filter((name) => res.headers.has(name));
  if (!found.length) {
    const seen = [...res.headers.keys()].filter((k) => k.includes('ratelimit'));
    fail(`POST /api/auth/login has no RateLimit or RateLimit-Policy header (rate-limit headers seen: ${seen.join(', ') || 'none'}): ${describe(res)}`);
  }
  return found.map((name) => `${name}: ${res.headers.get(name) ?? ''}`).join('; ');
}

export async function integrationChecks(ctx: VerifyContext, phase: Phase): Promise<void> {
  await phase.run('CORS allows the client origin', () => corsAllowedCheck(ctx));
  await phase.run('CORS refuses other origins', () => corsRefusedCheck(ctx));
  await phase.run('security headers', () => securityHeadersCheck(ctx));
  if (ctx.options.auth === 'none') {
    phase.skip('auth flow', 'auth: none');
  } else if (ctx.options.service === 'microservice') {
    await phase.run('todos require a bearer token', () => authRequiredCheck(ctx));
    await phase.run('expired or foreign tokens 401, a valid one 200', () => refusedTokensCheck(ctx));
    await phase.run("another user's todo is 404", () => todoIsolationCheck(ctx));
    await phase.run('stateless: no sign-in routes, no cookies', () => statelessCheck(ctx));
  } else if (ctx.options.auth === 'session') {
    await sessionAuthChecks(ctx, phase);
  } else {
    await phase.run('todos require a bearer token', () => authRequiredCheck(ctx));
    await phase.run('auth flow: register, login, refresh, me, logout', () => authFlowCheck(ctx));
    await phase.run('refresh token reuse revokes the family', () => refreshReuseCheck(ctx));
    await phase.run('wrong credentials 401, taken email 409', () => credentialErrorsCheck(ctx));
    await phase.run("another user's todo is 404", () => todoIsolationCheck(ctx));
  }
  await phase.run('rate-limit headers on /api/auth', () => rateLimitHeadersCheck(ctx));
}
