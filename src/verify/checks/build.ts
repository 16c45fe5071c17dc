/** Step 4.1: the whole project compiles (`npm run build`: shared, server, client). */
import { execa } from 'execa';
import { CommandError } from '../../errors.js';
import { CheckFailure } from '../runner.js';

/** The last `lines` lines of a command's output, for a failure message. */
export function outputTail(output: string, lines = 25): string {
  const all = output.trimEnd().split(/\r?\n/);
  return (all.length > lines ? ['...', ...all.slice(-lines)] : all).join('\n');
}

/** Runs a command in `cwd`; throws CommandError with its output when it does not exit 0. */
export async function runCommand(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal; timeoutMs: number },
): Promise<string> {
  const result = await execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: options.env === undefined,
    all: true,
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs,
    cancelSignal: options.signal,
  });
  options.signal?.throwIfAborted();
  const output = result.all ?? '';
  if (result.timedOut) throw new CommandError(`${result.command} did not finish within ${options.timeoutMs / 1000} s`, output);
  if (result.failed) {
    const how = result.exitCode !== undefined ? `exited with code ${result.exitCode}` : result.shortMessage;
    throw new CommandError(`${result.command} ${how}`, output);
  }
  return output;
}

/** A CommandError as a check failure: what failed and the tail of what it printed. */
export function commandFailure(error: unknown): unknown {
  return error instanceof CommandError ? new CheckFailure(`${error.message}:\n${outputTail(error.output)}`, { cause: error }) : error;
}

export async function buildCheck(dir: string, signal?: AbortSignal): Promise<string> {
  const started = performance.now();
  try {
    await runCommand('npm', ['run', 'build'], { cwd: dir, signal, timeoutMs: 10 * 60_000 });
  } catch (error) {
    throw commandFailure(error);
  }
  return `built in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}
