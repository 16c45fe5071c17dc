/**
 * Step 4 (smoke): readiness follows the database. A second server instance gets its own database,
 * which is then taken away; `/ready` must turn 503 while `/health` (liveness) stays 200, so a load
 * balancer stops routing to the instance without the orchestrator restarting it.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { bodyOf, expectStatus } from '../assert.js';
import { describe, HttpClient } from '../http.js';
import { CheckSkipped, fail } from '../runner.js';
import { freePort, ServerProcess } from '../server-process.js';
import { SHUTDOWN_DEADLINE_MS } from './shutdown.js';
import { provisionPostgres } from './database.js';
import { HEALTH_TIMEOUT_MS, MAIN_SCRIPT, migrateCheck, type ServerSetup } from './start.js';

/** How long `/ready` may keep answering 200 after the database is gone (it may cache a ping). */
const DETECT_WITHIN_MS = 3_000;

const ReadySchema = z.object({
  status: z.string(),
  checks: z.object({ database: z.object({ status: z.string() }) }),
});

/** A database the check can take away, and how. */
interface Outage {
  env: Record<string, string>;
  /** Takes the database away; resolves with what was done, for the detail. */
  cut(): Promise<string>;
  /** Removes what the outage left behind. */
  release(): Promise<void>;
}

/**
 * SQLite is "gone" when its file is: deleted, or its volume unmounted. The server keeps the file
 * open, and an open handle still answers after the path is removed, so this is exactly the outage
 * a naive `SELECT 1` ping misses.
 */
function sqliteOutage(workDir: string): Outage {
  const file = path.join(workDir, 'outage', 'verify.db');
  return {
    env: { DATABASE_URL: `file:${file}` },
    async cut() {
      await rm(path.dirname(file), { recursive: true, force: true });
      return `removed ${path.basename(file)} (and its folder)`;
    },
    release: async () => undefined,
  };
}

/**
 * PostgreSQL is "gone" when it refuses the server's connections: a pool that keeps serving from an
 * open connection, or a ping that never reaches the server, is what this catches.
 */
async function postgresOutage(dir: string): Promise<Outage> {
  const database = await provisionPostgres(dir);
  return { env: { DATABASE_URL: database.url }, cut: () => database.refuseConnections(), release: () => database.drop() };
}

async function outageFor(dir: string, setup: ServerSetup, workDir: string): Promise<Outage> {
  const url = setup.env.DATABASE_URL ?? '';
  if (url.startsWith('file:')) return sqliteOutage(workDir);
  if (/^postgres(ql)?:/.test(url)) return postgresOutage(dir);
  throw new CheckSkipped(`Step 4 cannot take this database away (DATABASE_URL ${url.split(':')[0] || 'unset'}:...)`);
}

/**
 * Runs its own server instance (own port and database), so the main server keeps its database.
 * `workDir` is Step 4's temp folder.
 */
export async function readinessOutageCheck(dir: string, setup: ServerSetup, workDir: string, signal?: AbortSignal): Promise<string> {
  const outage = await outageFor(dir, setup, workDir);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...setup.env, ...outage.env, PORT: String(port) };
  let server: ServerProcess | undefined;
  try {
    await migrateCheck(dir, env, signal);
    const instance = new ServerProcess(dir, MAIN_SCRIPT, env);
    server = instance;
    const baseUrl = `http://127.0.0.1:${port}`;
    await instance.waitHealthy(new URL('/health', baseUrl), HEALTH_TIMEOUT_MS, signal);
    const http = new HttpClient(baseUrl, signal);
    const before = await http.request('/ready');
    expectStatus(before, 200);

    const what = await outage.cut();
    const cutAt = performance.now();
    // a crash is its own failure, not a refused connection
    const ask = async (route: string) => {
      try {
        return await http.request(route);
      } catch (error) {
        if (!instance.running) fail(`the server exited when the database went away (${what}): readiness must report it, not crash:\n${instance.output()}`);
        throw error;
      }
    };
    let ready = await ask('/ready');
    while (ready.status === 200 && performance.now() - cutAt < DETECT_WITHIN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await ask('/ready');
    }
    const detectedMs = Math.round(performance.now() - cutAt);
    if (ready.status === 200) {
      fail(
        `after the database was taken away (${what}), GET /ready still answered 200 for ${DETECT_WITHIN_MS / 1000} s: ${describe(ready)}. ` +
          'The readiness ping must reach the database itself (for SQLite: check that the file at DATABASE_URL still exists and is the one opened; SELECT 1 on an open handle never touches it; for PostgreSQL: run the ping on a pooled connection, with a timeout)',
      );
    }
    expectStatus(ready, 503);
    const body = bodyOf(ready, ReadySchema);
    if (body.status === 'ok' || body.checks.database.status === 'ok') fail(`GET /ready -> 503 but its body still reports ok: ${describe(ready)}`);
    const live = await ask('/health');
    if (live.status !== 200) fail(`GET /health (liveness) must stay 200 while the database is gone, so the process is not restarted for it: ${describe(live)}`);
    return `${what}: GET /ready 503 (database "${body.checks.database.status}") ${detectedMs} ms later, GET /health still 200`;
  } finally {
    await server?.stop(SHUTDOWN_DEADLINE_MS);
    await outage.release();
  }
}
