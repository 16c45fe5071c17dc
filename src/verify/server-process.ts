/** The generated server as a child process: free port, spawn, wait until healthy, stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { CheckFailure, errorMessage } from './runner.js';

/** A port nobody listens on right now, found by listening on port 0. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close((error) => (error ? reject(error) : port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/** Keeps the last `max` characters written to a stream. */
class Tail {
  private text = '';
  constructor(private readonly max = 4_000) {}
  push(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.max);
  }
  toString(): string {
    return this.text.trim();
  }
}

export class ServerProcess {
  readonly exited: Promise<ProcessExit>;
  private exit: ProcessExit | undefined;
  private readonly stdout = new Tail();
  private readonly stderr = new Tail();
  private readonly child: ChildProcess;
  readonly startedAt = performance.now();

  /** Spawns `node <script>` in `cwd`; the child is killed if this process exits first. */
  constructor(cwd: string, script: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => this.stdout.push(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    const killOnExit = (): void => {
      this.child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    this.exited = new Promise((resolve) => {
      const done = (exit: ProcessExit): void => {
        process.removeListener('exit', killOnExit);
        this.exit ??= exit;
        resolve(this.exit);
      };
      this.child.once('exit', (code, signal) => done({ code, signal, at: performance.now() }));
      // spawn itself failed (e.g. ENOENT): report it as an exit with the error as output
      this.child.once('error', (error) => {
        this.stderr.push(`spawn failed: ${errorMessage(error)}`);
        done({ code: null, signal: null, at: performance.now() });
      });
    });
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What the process printed last: stderr, or stdout when stderr is empty. */
  output(): string {
    return this.stderr.toString() || this.stdout.toString() || '(no output)';
  }

  /** The last of both streams, stdout (its log) first. */
  fullOutput(): string {
    return [this.stdout.toString(), this.stderr.toString()].filter(Boolean).join('\n') || '(no output)';
  }

  private termSentAt: number | undefined;

  kill(signal: NodeJS.Signals): void {
    if (!this.running) return;
    if (signal === 'SIGTERM') this.termSentAt ??= performance.now();
    this.child.kill(signal);
  }

  /** The exit, or undefined if it is still running after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<ProcessExit | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * SIGTERM, then SIGKILL once `graceMs` passed since the first SIGTERM (which a check may
   * have sent already). Safe to call when it already exited.
   */
  async stop(graceMs: number): Promise<ProcessExit> {
    if (!this.running) return this.exited;
    this.kill('SIGTERM');
    const left = graceMs - (performance.now() - (this.termSentAt ?? 0));
    if (await this.waitForExit(Math.max(0, left))) return this.exited;
    this.kill('SIGKILL');
    return this.exited;
  }

  /**
   * Polls `GET url` until it answers 200; resolves with the ms since spawn. Fails with the
   * process output if it exits first, or after `timeoutMs`.
   */
  async waitHealthy(url: URL, timeoutMs: number, signal?: AbortSignal): Promise<number> {
    const deadline = this.startedAt + timeoutMs;
    let last = 'no answer yet';
    while (performance.now() < deadline) {
      signal?.throwIfAborted();
      if (!this.running) break;
      try {
        const res = await fetch(url, { signal: anySignal(signal, AbortSignal.timeout(1_000)) });
        await res.arrayBuffer();
        if (res.status === 200) return Math.round(performance.now() - this.startedAt);
        last = `last answer ${res.status}`;
      } catch (error) {
        signal?.throwIfAborted();
        last = `last attempt: ${errorMessage(error)}`;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!this.running) {
      const exit = await this.exited;
      throw new CheckFailure(`the server exited (${describeExit(exit)}) before ${url.pathname} answered 200:\n${this.output()}`);
    }
    throw new CheckFailure(`${url.pathname} did not answer 200 within ${timeoutMs} ms (${last}); server output:\n${this.output()}`);
  }
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code ?? 'unknown'}`;
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal {
  return AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
}
