/** verifyProject end to end against fake projects on disk (a bundled fake server as the app). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VerificationError } from '../../src/errors.js';
import type { ProjectOptions } from '../../src/options/schema.js';
import { BROWSER_CHECK_NAMES } from '../../src/verify/browser/index.js';
import { verifyProject, type CheckResult } from '../../src/verify/index.js';
import { fakeProject, type FakeProjectOptions } from './fake-project.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function optionsOf(p: FakeProjectOptions): ProjectOptions {
  const fullstack = p.service === 'fullstack';
  return { service: p.service, backend: 'express', frontend: fullstack ? 'react' : 'none', db: 'sqlite', api: 'rest', realtime: p.realtime, auth: p.auth };
}

async function verifyFake(p: FakeProjectOptions, extra: { signal?: AbortSignal; onCheck?: (r: CheckResult) => void; build?: boolean } = {}) {
  const project = await fakeProject(p);
  cleanups.push(project.remove);
  const seen: CheckResult[] = [];
  const report = verifyProject({
    dir: project.dir,
    options: optionsOf(p),
    build: extra.build,
    signal: extra.signal,
    onCheck: (r) => {
      seen.push(r);
      extra.onCheck?.(r);
    },
  });
  return { report, seen, dir: project.dir };
}

/** Every server process Step 4 started is gone and its temp database directory removed. */
function expectCleanedUp(dir: string): void {
  const runs = readdirSync(path.join(dir, 'fake-runs'));
  expect(runs.length).toBeGreaterThan(0);
  for (const name of runs) {
    const run = JSON.parse(readFileSync(path.join(dir, 'fake-runs', name), 'utf8')) as { pid: number; databaseUrl: string };
    expect(() => process.kill(run.pid, 0)).toThrow();
    expect(path.isAbsolute(run.databaseUrl.slice('file:'.length))).toBe(true);
    expect(existsSync(path.dirname(run.databaseUrl.slice('file:'.length)))).toBe(false);
  }
}

function statuses(checks: CheckResult[]): Record<string, string> {
  return Object.fromEntries(checks.map((c) => [`${c.phase}: ${c.name}`, c.status]));
}

describe('verifyProject', () => {
  it('passes a full-stack project that honours the contract, reporting each check as it finishes', async () => {
    const { report, seen, dir } = await verifyFake({ service: 'fullstack', auth: 'jwt', realtime: 'sse' });
    const result = await report;
    // the fake project has no playwright-core: the browser checks are skipped, never passed
    const notPassed = result.checks.filter((c) => c.status !== 'passed');
    expect(notPassed.map((c) => [c.phase, c.status, c.detail.split(' (')[0]])).toEqual(
      BROWSER_CHECK_NAMES.map(() => ['browser', 'skipped', 'playwright-core is not installed in the project']),
    );
    expect(result.ok).toBe(true);
    expect(seen).toEqual(result.checks);
    expect([...new Set(result.checks.map((c) => c.phase))]).toEqual(['build', 'start', 'smoke', 'integration', 'realtime', 'browser', 'shutdown']);
    expect(statuses(result.checks)['smoke: client served']).toBe('passed');
    expect(result.checks.find((c) => c.name === 'server start')?.detail).toMatch(/^first healthy response \d+ ms after spawn/);
    expect(result.checks.find((c) => c.name === 'in-flight request completes on SIGTERM')?.detail).toMatch(/^half the body sent, SIGTERM, the rest \d+ ms later: 201/);
    expect(result.checks.find((c) => c.name === 'graceful shutdown on SIGTERM')?.detail).toMatch(/^exited 0 \d+ ms after SIGTERM; the server ended the event stream/);
    expect(result.checks.find((c) => c.name === 'readiness fails without the database')?.detail).toMatch(/GET \/ready 503 \(database "unavailable"\) \d+ ms later, GET \/health still 200$/);
    expect(result.durationMs).toBeGreaterThan(0);
    expectCleanedUp(dir);
  });

  it('skips the build when asked and what does not apply to an API-only project without auth or real time', async () => {
    const result = await (await verifyFake({ service: 'api', auth: 'none', realtime: 'none', buildFails: true }, { build: false })).report;
    expect(result.ok).toBe(true);
    const skipped = result.checks.filter((c) => c.status === 'skipped').map((c) => `${c.name}: ${c.detail}`);
    expect(skipped).toEqual([
      'npm run build: build: false (using the existing build)',
      'client served: service: api (no client)',
      'auth flow: auth: none',
      'rate-limit headers on /api/auth: auth: none (no /api/auth routes)',
      'real-time sync: realtime: none',
      ...BROWSER_CHECK_NAMES.map((name) => `${name}: service: api (no client)`),
    ]);
  });

  it('reports a failed build with the tail of its output and skips everything after it', async () => {
    const result = await (await verifyFake({ service: 'api', auth: 'jwt', realtime: 'sse', buildFails: true })).report;
    expect(result.ok).toBe(false);
    expect(result.checks[0]).toMatchObject({ phase: 'build', status: 'failed' });
    expect(result.checks[0]?.detail).toMatch(/npm run build exited with code 2:[\s\S]*error TS2304/);
    expect(result.checks.slice(1).every((c) => c.status === 'skipped' && c.detail === 'the build failed')).toBe(true);
  });

  it('reports failing migrations with their output', async () => {
    const result = await (await verifyFake({ service: 'api', auth: 'jwt', realtime: 'sse', migrateFails: true })).report;
    expect(result.checks.find((c) => c.name === 'migrations')?.detail).toMatch(/migrate-cli\.js up exited with code 1:\nmigration 001 failed/);
    expect(statuses(result.checks)['start: server start']).toBe('skipped');
  });

  it('fails the start with the stderr of a server that exits at once', async () => {
    const result = await (await verifyFake({ service: 'api', auth: 'jwt', realtime: 'sse', processFaults: ['crash-on-start'] })).report;
    const start = result.checks.find((c) => c.name === 'server start');
    expect(start?.status).toBe('failed');
    expect(start?.detail).toMatch(/the server exited \(code 1\) before \/health answered 200:\n\{"level":"fatal","msg":"config: DATABASE_URL is invalid"\}/);
    expect(result.checks.filter((c) => c.phase === 'smoke')).toEqual([expect.objectContaining({ status: 'skipped', detail: 'the server did not start' })]);
  });

  it('fails "config fails fast" for a server that starts with malformed or missing variables', async () => {
    const result = await (await verifyFake({ service: 'api', auth: 'jwt', realtime: 'none', processFaults: ['ignore-bad-config'] })).report;
    const check = result.checks.find((c) => c.name === 'config fails fast');
    expect(check?.status).toBe('failed');
    expect(check?.detail).toMatch(/CORS_ORIGINS and JWT_SECRET malformed the server was still running/);
    const missing = result.checks.find((c) => c.name === 'config fails fast on a missing variable');
    expect(missing?.status).toBe('failed');
    expect(missing?.detail).toMatch(/^without CORS_ORIGINS and JWT_SECRET the server was still running after 10 s/);
  }, 40_000);

  it('fails readiness when /ready still answers 200 once the database is gone, naming what to fix', async () => {
    const result = await (await verifyFake({ service: 'api', auth: 'none', realtime: 'none', faults: ['ready-ignores-database'] })).report;
    const failed = result.checks.filter((c) => c.status === 'failed');
    // the details name the cause when another check fails too (seen once in CI: the main server gone)
    expect(failed.map((c) => c.name), failed.map((c) => `${c.name}: ${c.detail}`).join('\n')).toEqual(['readiness fails without the database']);
    expect(failed[0]?.detail).toMatch(/^after the database was taken away \(removed verify\.db \(and its folder\)\), GET \/ready still answered 200 for 3 s: .*the file at DATABASE_URL still exists/);
  }, 30_000);

  it('skips the later phases with the output of a server that crashed', async () => {
    const result = await (await verifyFake({ service: 'api', auth: 'none', realtime: 'sse', processFaults: ['crash-after-start'] })).report;
    expect(result.ok).toBe(false);
    expect(result.checks.at(-1)).toMatchObject({ phase: 'shutdown', status: 'skipped' });
    expect(result.checks.at(-1)?.detail).toMatch(/^the server exited \(code 1\):\n.*boom: the database went away/);
  });

  it('says so, with its log, when a running server stops accepting connections', async () => {
    const { report } = await verifyFake({ service: 'api', auth: 'none', realtime: 'sse', processFaults: ['stop-listening-after-start'] });
    const result = await report;
    const silent = result.checks.find((c) => c.name === 'server still answering');
    expect(silent).toMatchObject({ phase: 'smoke', status: 'failed' });
    expect(silent?.detail).toMatch(/^the server process is running but GET \/health gets no answer; it printed:\n.*closing the listener/s);
  }, 40_000);

  const IN_FLIGHT = 'in-flight request completes on SIGTERM';
  const EXIT = 'graceful shutdown on SIGTERM';
  const shutdownFaults: [Pick<FakeProjectOptions, 'faults' | 'processFaults'>, Record<string, RegExp>][] = [
    [
      { processFaults: ['exit-1-on-sigterm'] },
      { [IN_FLIGHT]: /^a POST \/api\/todos whose body was still uploading when SIGTERM arrived got no complete response/, [EXIT]: /^exited with code 1 \d+ ms after SIGTERM, expected code 0/ },
    ],
    [{ faults: ['sse-cut'] }, { [EXIT]: /^exited 0 after \d+ ms, but the event stream was not ended by the server \(connection broke/ }],
    [{ faults: ['cut-in-flight'] }, { [IN_FLIGHT]: /got no complete response \(.*\): stop accepting new connections, but let in-flight requests finish/ }],
    [{ processFaults: ['ignore-sigterm'] }, { [EXIT]: /^still running 7000 ms after SIGTERM \(SHUTDOWN_TIMEOUT_MS=5000 \+ 2 s\); the event stream is still open/ }],
  ];
  it.each(shutdownFaults)('fails the shutdown checks: %j', async (faults, details) => {
    const { report, dir } = await verifyFake({ service: 'api', auth: 'jwt', realtime: 'sse', ...faults });
    const result = await report;
    const failed = result.checks.filter((c) => c.status === 'failed');
    expect(Object.fromEntries(failed.map((c) => [c.name, c.detail]))).toEqual(
      Object.fromEntries(Object.entries(details).map(([name, detail]) => [name, expect.stringMatching(detail)])),
    );
    expectCleanedUp(dir);
  }, 40_000);

  it('stops the server and removes the database when aborted, rejecting with the reason', async () => {
    const controller = new AbortController();
    const { report, seen, dir } = await verifyFake(
      { service: 'api', auth: 'jwt', realtime: 'sse' },
      { signal: controller.signal, onCheck: (r) => r.name === 'GET /health' && controller.abort(new Error('user pressed Ctrl-C')) },
    );
    await expect(report).rejects.toThrow('user pressed Ctrl-C');
    expect(seen.at(-1)?.name).toBe('GET /health');
    expectCleanedUp(dir);
  });

  it('throws for misuse only', async () => {
    const options = optionsOf({ service: 'api', auth: 'none', realtime: 'none' });
    await expect(verifyProject({ dir: '/nonexistent/project', options })).rejects.toThrow(VerificationError);
    const project = await fakeProject({ service: 'api', auth: 'none', realtime: 'none' });
    cleanups.push(project.remove);
    await expect(verifyProject({ dir: project.dir, options: { ...options, frontend: 'react' } })).rejects.toThrow(/invalid options: frontend: --service api with --frontend react is not allowed/);
  });
});
