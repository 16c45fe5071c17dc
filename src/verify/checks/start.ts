/** Step 4.2 (start): migrations, then the built server on a free port, until /health answers. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ProjectOptions } from '../../options/schema.js';
import { CLIENT_ORIGIN } from '../context.js';
import { freePort, ServerProcess } from '../server-process.js';
import { VERIFY_AUDIENCE, VERIFY_ISSUER } from '../tokens.js';
import { commandFailure, runCommand } from './build.js';

export const HEALTH_TIMEOUT_MS = 15_000;
/** Set explicitly so the shutdown deadline does not depend on the project's .env. */
export const SHUTDOWN_TIMEOUT_MS = 5_000;
export const MIGRATE_SCRIPT = 'server/dist/shared/database/migrate-cli.js';
export const MAIN_SCRIPT = 'server/dist/main.js';

export interface ServerSetup {
  port: number;
  baseUrl: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The environment Step 4 runs the server with: production mode, a temp database, loose limits.
 * A PostgreSQL project's DATABASE_URL is set once its throwaway database exists (checks/database.ts).
 */
export async function serverSetup(options: ProjectOptions, tempDir: string): Promise<ServerSetup> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${path.resolve(tempDir, 'verify.db')}`,
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
    CORS_ORIGINS: CLIENT_ORIGIN,
    AUTH_RATE_LIMIT_MAX: '1000',
    SSE_HEARTBEAT_MS: '1000',
    WS_HEARTBEAT_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  };
  if (options.auth === 'jwt') env.JWT_SECRET = randomBytes(48).toString('base64url');
  if (options.service === 'microservice' && options.auth === 'jwt') Object.assign(env, { JWT_ISSUER: VERIFY_ISSUER, JWT_AUDIENCE: VERIFY_AUDIENCE });
  return { port, baseUrl: `http://127.0.0.1:${port}`, env };
}

export async function migrateCheck(dir: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string> {
  let output: string;
  try {
    output = await runCommand(process.execPath, [MIGRATE_SCRIPT, 'up'], { cwd: dir, env, signal, timeoutMs: 60_000 });
  } catch (error) {
    throw commandFailure(error);
  }
  const last = output.trim().split(/\r?\n/).pop();
  return last ? `migrations applied (${last.slice(0, 120)})` : 'migrations applied';
}

/** Spawns the server and waits for /health; the caller owns (and stops) the process. */
export function spawnServer(dir: string, setup: ServerSetup): ServerProcess {
  return new ServerProcess(dir, MAIN_SCRIPT, setup.env);
}

export async function healthyCheck(server: ServerProcess, setup: ServerSetup, signal?: AbortSignal): Promise<string> {
  const ms = await server.waitHealthy(new URL('/health', setup.baseUrl), HEALTH_TIMEOUT_MS, signal);
  return `first healthy response ${ms} ms after spawn (port ${setup.port})`;
}
