/** Each check against the in-process fake server: passes on the contract, fails clearly on a fault. */
import { describe, expect, it } from 'vitest';
import type { ProjectOptions } from '../../src/options/schema.js';
import { integrationChecks } from '../../src/verify/checks/integration.js';
import { realtimeChecks } from '../../src/verify/checks/realtime.js';
import { smokeChecks } from '../../src/verify/checks/smoke.js';
import { createContext, type VerifyContext } from '../../src/verify/context.js';
import { HttpClient } from '../../src/verify/http.js';
import { Recorder, type Phase } from '../../src/verify/runner.js';
import type { CheckResult } from '../../src/verify/types.js';
import { FakeApp, type Fault } from './fake-server.js';

type Run = (ctx: VerifyContext, phase: Phase) => Promise<void>;

function projectOptions(auth: 'jwt' | 'none', realtime: 'sse' | 'none'): ProjectOptions {
  return { service: 'api', backend: 'express', frontend: 'none', db: 'sqlite', api: 'rest', realtime, auth };
}

async function runAgainstFake(run: Run, opts: { auth?: 'jwt' | 'none'; realtime?: 'sse' | 'none'; faults?: Fault[] } = {}): Promise<CheckResult[]> {
  const auth = opts.auth ?? 'jwt';
  const realtime = opts.realtime ?? 'sse';
  const app = new FakeApp({ auth, realtime, faults: opts.faults });
  const url = await app.listen();
  const recorder = new Recorder();
  try {
    await run(createContext({ dir: '/nonexistent', options: projectOptions(auth, realtime), http: new HttpClient(url) }), recorder.phase('smoke'));
  } finally {
    await app.shutdown();
  }
  return recorder.results;
}

function byName(results: CheckResult[], name: string): CheckResult {
  const result = results.find((r) => r.name === name);
  if (!result) throw new Error(`no check named ${name}: ${results.map((r) => r.name).join(', ')}`);
  return result;
}

function failedNames(results: CheckResult[]): string[] {
  return results.filter((r) => r.status === 'failed').map((r) => r.name);
}

describe('checks against a server that honours the contract', () => {
  for (const [auth, realtime] of [['jwt', 'sse'], ['none', 'sse'], ['jwt', 'none'], ['none', 'none']] as const) {
    it(`all pass with auth ${auth}, realtime ${realtime}`, async () => {
      const results = [
        ...(await runAgainstFake(smokeChecks, { auth, realtime })),
        ...(await runAgainstFake(integrationChecks, { auth, realtime })),
        ...(await runAgainstFake(realtimeChecks, { auth, realtime })),
      ];
      expect(results.filter((r) => r.status === 'failed')).toEqual([]);
      expect(byName(results, 'client served')).toMatchObject({ status: 'skipped', detail: 'service: api (no client)' });
      if (realtime === 'none') expect(byName(results, 'real-time sync')).toMatchObject({ status: 'skipped', detail: 'realtime: none' });
      else expect(byName(results, 'todo.created reaches the other tab').detail).toMatch(/stream B got todo.created \d+ ms after/);
      if (auth === 'none') expect(byName(results, 'auth flow')).toMatchObject({ status: 'skipped', detail: 'auth: none' });
    });
  }
});

describe('checks against a server that breaks the contract', () => {
  const cases: { fault: Fault; run: Run; auth?: 'none'; failed: string[]; detail: RegExp }[] = [
    { fault: 'no-request-id', run: smokeChecks, failed: ['x-request-id'], detail: /sent x-request-id "verify-[0-9a-f]+", got back "[0-9a-f-]{36}"/ },
    { fault: 'html-404', run: smokeChecks, failed: ['unknown route 404'], detail: /content-type is "text\/html", expected application\/problem\+json/ },
    { fault: 'no-422-paths', run: smokeChecks, failed: ['validation error 422'], detail: /without an error for path "title" \(errors: null\)/ },
    { fault: 'cors-wildcard', run: integrationChecks, failed: ['CORS allows the client origin', 'CORS refuses other origins'], detail: /Access-Control-Allow-Origin is "\*"/ },
    { fault: 'no-helmet', run: integrationChecks, failed: ['security headers'], detail: /x-content-type-options is "missing"; no content-security-policy.*x-powered-by "Express"/ },
    { fault: 'no-rotation', run: integrationChecks, failed: ['auth flow: register, login, refresh, me, logout', 'refresh token reuse revokes the family'], detail: /did not rotate the refresh cookie/ },
    { fault: 'no-reuse-detection', run: integrationChecks, failed: ['refresh token reuse revokes the family'], detail: /reusing an already-rotated refresh token: expected 401, got 200/ },
    { fault: 'lax-cookie', run: integrationChecks, failed: ['auth flow: register, login, refresh, me, logout', 'refresh token reuse revokes the family'], detail: /refresh cookie SameSite=Lax; expected HttpOnly; SameSite=Strict; Path=\/api\/auth/ },
    { fault: 'no-rate-limit-headers', run: integrationChecks, failed: ['rate-limit headers on /api/auth'], detail: /no RateLimit or RateLimit-Policy header \(rate-limit headers seen: none\)/ },
    { fault: 'events-without-token', run: realtimeChecks, failed: ['event stream requires a token'], detail: /without a token opened a stream/ },
    { fault: 'slow-events', run: realtimeChecks, failed: ['todo.created reaches the other tab', 'todo.updated and todo.deleted reach the other tab', "other users' streams get nothing"], detail: /stream B \(same user, second login\): no todo.created event for todo "verify sse [0-9a-f]+" within 1000 ms \(received: no events\)/ },
    { fault: 'drop-deleted-event', run: realtimeChecks, failed: ['todo.updated and todo.deleted reach the other tab'], detail: /no todo.deleted event for todo [0-9a-f-]+ within 1000 ms \(received: todo.created, todo.updated\)/ },
    { fault: 'broadcast-events', run: realtimeChecks, failed: ["other users' streams get nothing"], detail: /stream C \(another user\) received todo.created, todo.updated, todo.deleted for the owner's todo/ },
    { fault: 'no-heartbeat', run: realtimeChecks, failed: ['heartbeat'], detail: /no ": heartbeat" comment within 2500 ms with SSE_HEARTBEAT_MS=1000 \(comments seen: ": connected"\)/ },
  ];
  for (const c of cases) {
    it(`${c.fault} fails ${c.failed.join(' + ')}`, async () => {
      const results = await runAgainstFake(c.run, { auth: c.auth, faults: [c.fault] });
      expect(failedNames(results)).toEqual(c.failed);
      expect(byName(results, c.failed[0] ?? '').detail).toMatch(c.detail);
    });
  }
});

describe('dependent checks', () => {
  it('fails the first check that needs a user and skips the later ones once registering failed', async () => {
    const results = await runAgainstFake(smokeChecks, { realtime: 'none', faults: ['register-500'] });
    expect(byName(results, 'todo CRUD as a registered user')).toMatchObject({
      status: 'failed',
    });
    expect(byName(results, 'todo CRUD as a registered user').detail).toMatch(/^expected 201: POST \/api\/auth\/register -> 500 .*no such table: users/);
    expect(byName(results, 'validation error 422')).toMatchObject({
      status: 'skipped',
      detail: expect.stringMatching(/^needs a registered user, and registering one failed: expected 201/),
    });
    expect(byName(results, 'GET /health').status).toBe('passed');
  });
});
