/**
 * Step 4.2 (start): the server refuses to start when a required variable is missing, naming it.
 * `checks/config.ts` covers malformed values; this covers absent ones.
 */
import { execa } from 'execa';
import type { ProjectOptions } from '../../options/questions.js';
import { CheckSkipped, fail } from '../runner.js';
import { MAIN_SCRIPT, type ServerSetup } from './start.js';

const FAIL_FAST_MS = 10_000;

/**
 * Required variables with no default, set to the empty string. Removing them would not do: the
 * project's `.env` would fill them in. Node's env-file loader never replaces a variable that is
 * set, even to '', and the generated config reads an empty value as "not set".
 */
export function requiredVariables(options: ProjectOptions): string[] {
  const micro = options.service === 'microservice';
  return [
    // a microservice's callers are mostly other services: its CORS origins are optional
    ...(micro ? [] : ['CORS_ORIGINS']),
    ...(options.db === 'postgres' ? ['DATABASE_URL'] : []),
    ...(options.auth === 'jwt' ? ['JWT_SECRET'] : []),
    ...(options.auth === 'jwt' && micro ? ['JWT_ISSUER', 'JWT_AUDIENCE'] : []),
  ];
}

export async function configMissingCheck(dir: string, setup: ServerSetup, options: ProjectOptions, signal?: AbortSignal): Promise<string> {
  const missing = requiredVariables(options);
  if (missing.length === 0) throw new CheckSkipped('this combination has no required variable: every setting has a default');
  const names = missing.join(' and ');
  const started = performance.now();
  const result = await execa(process.execPath, [MAIN_SCRIPT], {
    cwd: dir,
    env: { ...setup.env, ...Object.fromEntries(missing.map((name) => [name, ''])) },
    extendEnv: false,
    all: true,
    reject: false,
    stdin: 'ignore',
    timeout: FAIL_FAST_MS,
    cancelSignal: signal,
  });
  signal?.throwIfAborted();
  const ms = Math.round(performance.now() - started);
  const output = result.all ?? '';
  if (result.timedOut) fail(`without ${names} the server was still running after ${FAIL_FAST_MS / 1000} s: a required variable must stop start-up`);
  if (result.exitCode === 0) fail(`without ${names} the server exited 0: it must exit non-zero`);
  const unnamed = missing.filter((name) => !output.includes(name));
  if (unnamed.length > 0) fail(`without ${names} it exited ${result.exitCode}, but its output does not name ${unnamed.join(', ')}:\n${output.slice(0, 400)}`);
  return `exit code ${result.exitCode} in ${ms} ms, naming ${names}`;
}
