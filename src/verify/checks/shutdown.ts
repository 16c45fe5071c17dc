/** Step 4 (shutdown): SIGTERM ends open streams, then the process exits 0 in time. */
import { register } from '../api.js';
import type { VerifyContext } from '../context.js';
import { fail } from '../runner.js';
import { describeExit, type ServerProcess } from '../server-process.js';
import { describeEnd, openEventStream, type EventStream } from '../sse.js';
import { SHUTDOWN_TIMEOUT_MS } from './start.js';

export const SHUTDOWN_DEADLINE_MS = SHUTDOWN_TIMEOUT_MS + 2_000;

export async function gracefulShutdownCheck(ctx: VerifyContext, server: ServerProcess): Promise<string> {
  // An open event stream is the in-flight request the server must end itself.
  let stream: EventStream | undefined;
  if (ctx.options.realtime === 'sse') {
    const session = ctx.options.auth !== 'none' ? await register(ctx.http, 'shutdown', ctx.options.auth) : undefined;
    stream = await openEventStream('event stream', ctx.http.url('/api/events'), session?.headers ?? {}, { signal: ctx.signal });
  }
  try {
    return await terminate(server, stream);
  } finally {
    await stream?.close();
  }
}

async function terminate(server: ServerProcess, stream: EventStream | undefined): Promise<string> {
  const sent = performance.now();
  server.kill('SIGTERM');
  const exit = await server.waitForExit(SHUTDOWN_DEADLINE_MS);
  if (!exit) {
    const open = stream && !(await settled(stream)) ? '; the event stream is still open' : '';
    fail(`still running ${SHUTDOWN_DEADLINE_MS} ms after SIGTERM (SHUTDOWN_TIMEOUT_MS=${SHUTDOWN_TIMEOUT_MS} + 2 s)${open}`);
  }
  const exitMs = Math.round(exit.at - sent);
  if (exit.code !== 0) fail(`exited with ${describeExit(exit)} ${exitMs} ms after SIGTERM, expected code 0:\n${server.output()}`);
  if (!stream) return `exited 0 ${exitMs} ms after SIGTERM`;
  const end = await stream.closed;
  if (end.by !== 'server') {
    fail(`exited 0 after ${exitMs} ms, but the event stream was not ended by the server (${describeEnd(end)}): end open streams on SIGTERM`);
  }
  return `exited 0 ${exitMs} ms after SIGTERM; the server ended the event stream after ${Math.round(end.at - sent)} ms`;
}

/** Whether the stream has ended, without waiting. */
async function settled(stream: EventStream): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([stream.closed, Promise.resolve(pending)])) !== pending;
}
