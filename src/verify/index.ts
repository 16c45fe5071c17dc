/**
 * Step 4 of the guide: prove a generated project works. Build it, start it on a free port
 * with a temp database, then smoke, integration and real-time checks over real HTTP, the built
 * client in a real browser, and the shutdown.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VerificationError } from '../errors.js';
import { ProjectOptionsSchema } from '../options/schema.js';
import { issuesText } from './assert.js';
import { browserChecks } from './browser/index.js';
import { buildCheck } from './checks/build.js';
import { integrationChecks } from './checks/integration.js';
import { realtimeChecks } from './checks/realtime.js';
import { configFailsFastCheck } from './checks/config.js';
import { provisionDatabase, type VerifyDatabase } from './checks/database.js';
import { configMissingCheck } from './checks/config-missing.js';
import { readinessOutageCheck } from './checks/readiness.js';
import { SHUTDOWN_DEADLINE_MS, shutdownChecks } from './checks/shutdown.js';
import { smokeChecks } from './checks/smoke.js';
import { healthyCheck, migrateCheck, serverSetup } from './checks/start.js';
import { createContext } from './context.js';
import { HttpClient } from './http.js';
import { LiveServer } from './live-server.js';
import { fail, Recorder, type Phase } from './runner.js';
import { tokenMinterFor } from './tokens.js';
import { describeExit, type ServerProcess } from './server-process.js';
import type { CheckResult, VerifyInput, VerifyReport } from './types.js';

export type { CheckPhase, CheckResult, CheckStatus, VerifyInput, VerifyReport } from './types.js';

const AFTER_START = ['smoke', 'integration', 'realtime', 'browser', 'shutdown'] as const;

/** Misuse (not a failing check) is the only thing that throws, besides an abort. */
async function validate(input: VerifyInput): Promise<void> {
  const parsed = ProjectOptionsSchema.safeParse(input.options);
  if (!parsed.success) throw new VerificationError(`verifyProject: invalid options: ${issuesText(parsed.error)}`);
  const isFile = await stat(path.join(input.dir, 'package.json')).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) throw new VerificationError(`verifyProject: ${input.dir} is not a generated project (no package.json)`);
}

/**
 * Runs every check and reports each through `onCheck`. Never throws for a failing check;
 * rejects with the signal's reason when aborted. Always stops the server it started and
 * removes its temp database.
 */
export async function verifyProject(input: VerifyInput): Promise<VerifyReport> {
  const started = performance.now();
  await validate(input);
  const { signal, options } = input;
  const dir = path.resolve(input.dir);
  signal?.throwIfAborted();
  const recorder = new Recorder(input.onCheck, signal, input.onCheckStart);

  const build = recorder.phase('build');
  let built = true;
  if (input.build === false) build.skip('npm run build', 'build: false (using the existing build)');
  else built = (await build.run('npm run build', () => buildCheck(dir, signal))).status === 'passed';

  const tempDir = await mkdtemp(path.join(tmpdir(), 'cfa-verify-'));
  let live: LiveServer | undefined;
  let database: VerifyDatabase | undefined;
  try {
    const start = recorder.phase('start');
    const setup = await serverSetup(options, tempDir);
    let healthy = false;
    if (!built) {
      if (options.db === 'postgres') start.skip('throwaway database', 'the build failed');
      start.skip('migrations', 'the build failed');
      start.skip('config fails fast', 'the build failed');
      start.skip('config fails fast on a missing variable', 'the build failed');
      start.skip('server start', 'the build failed');
    } else if (
      options.db === 'postgres' &&
      (
        await start.run('throwaway database', async () => {
          database = await provisionDatabase(dir, options, tempDir);
          setup.env.DATABASE_URL = database.url;
          return database.detail;
        })
      ).status !== 'passed'
    ) {
      start.skip('migrations', 'no database');
      start.skip('server start', 'no database');
    } else if ((await start.run('migrations', () => migrateCheck(dir, setup.env, signal))).status !== 'passed') {
      start.skip('server start', 'the migrations failed');
    } else {
      await start.run('config fails fast', () => configFailsFastCheck(dir, setup, options, signal));
      await start.run('config fails fast on a missing variable', () => configMissingCheck(dir, setup, options, signal));
      live = new LiveServer(dir, setup);
      const spawned = live.spawn();
      healthy = (await start.run('server start', () => healthyCheck(spawned, setup, signal))).status === 'passed';
    }

    if (!live || !healthy) {
      const reason = built ? 'the server did not start' : 'the build failed';
      for (const phase of AFTER_START) recorder.phase(phase).skip(`${phase} checks`, reason);
    } else {
      const server = live;
      const ctx = createContext({ dir, options, http: new HttpClient(setup.baseUrl, signal), signal, tokens: tokenMinterFor(options, setup.env) });
      const phases = {
        smoke: async (p: Phase) => {
          await smokeChecks(ctx, p);
          await p.run('readiness fails without the database', () => readinessOutageCheck(dir, setup, tempDir, signal));
        },
        integration: (p: Phase) => integrationChecks(ctx, p),
        realtime: (p: Phase) => realtimeChecks(ctx, p),
        browser: (p: Phase) => browserChecks({ dir, options, baseUrl: setup.baseUrl, live: server, signal }, p),
        shutdown: async (p: Phase) => {
          const running = server.current;
          if (running) await shutdownChecks(ctx, running, p);
        },
      };
      let exitReported = false;
      for (const name of AFTER_START) {
        const phase = recorder.phase(name);
        const running = server.current;
        // a server that crashed during or between phases (or was not restarted) is one failure, with
        // its output; the phases after it are skipped with the same reason
        if (!running?.running) {
          const exit = running ? `${describeExit(await running.exited)}):\n${running.output()}` : 'never started)';
          if (!exitReported) {
            exitReported = true;
            await phase.run('server still running', () => fail(`the server exited on its own (${exit}`));
          } else phase.skip(`${name} checks`, `the server exited (${exit}`);
        } else {
          const checked = recorder.results.length;
          await phases[name](phase);
          await reportSilentServer(phase, recorder.results.slice(checked), server.current, setup.baseUrl);
        }
      }
    }
  } finally {
    await live?.stop(SHUTDOWN_DEADLINE_MS);
    await database?.drop();
    await rm(tempDir, { recursive: true, force: true, maxRetries: 3 });
  }
  return { ok: recorder.ok, checks: recorder.results, durationMs: Math.round(performance.now() - started) };
}

/**
 * After a phase with failed checks: a server process that is still running but no longer accepts
 * connections (closing its listener, say, on a signal) makes every later check fail the same way.
 * One more failure says so, with what the server printed, which names the cause.
 */
async function reportSilentServer(phase: Phase, results: readonly CheckResult[], server: ServerProcess | undefined, baseUrl: string): Promise<void> {
  if (!server?.running || results.every((result) => result.status !== 'failed')) return;
  try {
    await fetch(new URL('/health', baseUrl), { signal: AbortSignal.timeout(2_000) });
  } catch {
    await phase.run('server still answering', () =>
      fail(`the server process is running but GET /health gets no answer; it printed:\n${server.fullOutput()}`),
    );
  }
}
