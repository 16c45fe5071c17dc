/** Step 4.2 (start): the server refuses to start on bad configuration, naming each variable. */
import { execa } from 'execa';
import type { ProjectOptions } from '../../options/questions.js';
import { fail } from '../runner.js';
import { MAIN_SCRIPT, type ServerSetup } from './start.js';

const FAIL_FAST_MS = 10_000;

/**
 * Malformed rather than removed values: real variables win over the project's `.env`, so a
 * removed variable would be filled in from it. An empty one counts as missing (the generated
 * config treats `NAME=` as unset), which is how PostgreSQL's required DATABASE_URL is left out.
 */
function badVariables(options: ProjectOptions): Record<string, string> {
  return {
    CORS_ORIGINS: '*',
    ...(options.auth === 'jwt' ? { JWT_SECRET: 'too-short' } : {}),
    ...(options.db === 'postgres' ? { DATABASE_URL: '' } : {}),
  };
}

export async function configFailsFastCheck(dir: string, setup: ServerSetup, options: ProjectOptions, signal?: AbortSignal): Promise<string> {
  const bad = badVariables(options);
  const started = performance.now();
  const result = await execa(process.execPath, [MAIN_SCRIPT], {
    cwd: dir,
    env: { ...setup.env, ...bad },
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
  if (result.timedOut) fail(`with ${Object.keys(bad).join(' and ')} malformed the server was still running after ${FAIL_FAST_MS / 1000} s: validate config at start-up`);
  if (result.exitCode === 0) fail(`with ${Object.keys(bad).join(' and ')} malformed the server exited 0: it must exit non-zero`);
  const unnamed = Object.keys(bad).filter((name) => !output.includes(name));
  if (unnamed.length > 0) fail(`exited ${result.exitCode} but its output does not name ${unnamed.join(', ')}:\n${output.slice(0, 400)}`);
  return `exit code ${result.exitCode} in ${ms} ms, naming ${Object.keys(bad).join(' and ')}`;
}
