/**
 * `npm run dev` in a generated project, as a developer uses it: it comes up answering, and Ctrl-C
 * (SIGINT to the terminal's foreground process group) leaves no process behind, the compilers'
 * watchers included. Linux only: leftovers are found through /proc.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from '../../src/verify/server-process.js';

/** Processes whose working directory is `dir` or a folder in it, with their command lines. */
export async function processesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
    if (cwd === undefined || (cwd !== dir && !cwd.startsWith(`${dir}${path.sep}`))) continue;
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    found.push(`${pid}: ${command.replaceAll('\0', ' ').trim()}`);
  }
  return found;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

export interface DevModeRun {
  /** Whether GET /health answered 200 before the deadline. */
  healthy: boolean;
  /** What `npm run dev` printed, both streams. */
  output: string;
  /** Processes still running in the project a few seconds after Ctrl-C. */
  leftovers: string[];
}

/** Starts `npm run dev` on a free port, waits for /health, then sends Ctrl-C's SIGINT and looks for leftovers. */
export async function runDevMode(dir: string, { timeoutMs = 90_000 } = {}): Promise<DevModeRun> {
  const port = await freePort();
  const child = spawn('npm', ['run', 'dev'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, like a terminal's foreground job
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  let healthy = false;
  while (!healthy && child.exitCode === null && Date.now() < deadline) {
    healthy = await answers(`http://127.0.0.1:${port}/health`);
    if (!healthy) await delay(250);
  }
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
  await Promise.race([exited, delay(15_000)]);
  // a child that outlived the script is what this looks for: give it a moment to stop on its own
  let leftovers = await processesIn(dir);
  for (let attempt = 0; leftovers.length > 0 && attempt < 10; attempt += 1) {
    await delay(500);
    leftovers = await processesIn(dir);
  }
  for (const line of leftovers) {
    try {
      process.kill(Number(line.split(':')[0]), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return { healthy, output, leftovers };
}
