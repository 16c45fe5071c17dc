/**
 * Step 4 (shutdown): one SIGTERM, observed two ways. A request still uploading its body when the
 * signal arrives gets its whole response; then open event streams and sockets end and the process
 * exits 0 in time.
 */
import { request as httpRequest } from 'node:http';
import { TodoSchema, uniqueTitle, type Session } from '../api.js';
import { headersOf, newSession, type VerifyContext } from '../context.js';
import { excerpt } from '../http.js';
import { errorMessage, fail, type Phase } from '../runner.js';
import { describeExit, type ServerProcess } from '../server-process.js';
import { describeEnd, openEventStream, type EventStream } from '../sse.js';
import { openSocket, type TodoSocket } from '../ws.js';
import { socketTarget } from './realtime-ws.js';
import { SHUTDOWN_TIMEOUT_MS } from './start.js';

/** RFC 6455 "going away": what a server closes its sockets with on shutdown. */
const CLOSE_GOING_AWAY = 1001;

export const SHUTDOWN_DEADLINE_MS = SHUTDOWN_TIMEOUT_MS + 2_000;

/** Time for the server to read the request head before the signal, and to act on the signal before the body ends. */
const SETTLE_MS = 250;

/** What both checks share: the stream opened before the signal, and when the signal was sent. */
interface Termination {
  stream?: EventStream;
  socket?: TodoSocket;
  /** Why no stream or socket could be opened (the realtime checks report the route itself). */
  streamError?: string;
  sentAt?: number;
}

export async function shutdownChecks(ctx: VerifyContext, server: ServerProcess, phase: Phase): Promise<void> {
  const state: Termination = {};
  let session: Session | undefined;
  try {
    await phase.run('in-flight request completes on SIGTERM', async () => {
      session = ctx.options.auth !== 'none' ? await newSession(ctx, 'shutdown') : undefined;
      // An open event stream is the long-lived response the server must end itself.
      if (ctx.options.realtime === 'sse') {
        try {
          state.stream = await openEventStream('event stream', ctx.http.url(ctx.todos.eventsPath), headersOf(session), { signal: ctx.signal });
        } catch (error) {
          state.streamError = errorMessage(error);
        }
      }
      // An open WebSocket must be closed by the server with 1001.
      if (ctx.options.realtime === 'ws') {
        try {
          state.socket = await openSocket('socket', socketTarget(ctx, session));
        } catch (error) {
          state.streamError = errorMessage(error);
        }
      }
      return inFlightRequest(ctx, server, session, state);
    });
    await phase.run('graceful shutdown on SIGTERM', () => exitsInTime(server, state));
  } finally {
    await state.stream?.close();
    await state.socket?.close();
  }
}

/** One SIGTERM for both checks: a second one is the operator's "exit now", which skips the graceful path. */
function sigterm(server: ServerProcess, state: Termination): number {
  if (state.sentAt === undefined) {
    state.sentAt = performance.now();
    server.kill('SIGTERM');
  }
  return state.sentAt;
}

interface Answer {
  status: number;
  text: string;
}

/**
 * POST /api/todos with its head and half its body sent, SIGTERM, then the rest of the body: the
 * server must let the request finish and answer it whole (not reset the connection, not 503 it).
 */
async function inFlightRequest(ctx: VerifyContext, server: ServerProcess, session: Session | undefined, state: Termination): Promise<string> {
  const body = JSON.stringify({ title: uniqueTitle('in flight') });
  const cut = Math.floor(body.length / 2);
  const url = ctx.http.url(ctx.todos.createPath);
  const call = ctx.todos.describe('create');
  let finished = false;
  const req = httpRequest(url, {
    method: 'POST',
    agent: false,
    headers: { ...headersOf(session), 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.once('error', reject);
      res.once('aborted', () => reject(new Error('the response was cut before its end')));
    });
    req.once('error', reject);
  });
  // a rejection before we await it is reported below, not as unhandled
  answer.catch(() => undefined);
  const timeout = setTimeout(() => req.destroy(new Error(`no complete answer within ${SHUTDOWN_DEADLINE_MS} ms`)), SHUTDOWN_DEADLINE_MS);
  try {
    req.write(body.slice(0, cut));
    await delay(SETTLE_MS);
    const sentAt = sigterm(server, state);
    await delay(SETTLE_MS);
    req.end(body.slice(cut), () => (finished = true));
    let got: Answer;
    try {
      got = await answer;
    } catch (error) {
      const when = Math.round(performance.now() - sentAt);
      fail(
        `a ${call} whose body was still uploading when SIGTERM arrived got no complete response (${errorMessage(error)}, ${when} ms after SIGTERM${finished ? '' : ', before its body was sent'}): ` +
          'stop accepting new connections, but let in-flight requests finish before closing theirs',
      );
    }
    const created = ctx.todos.createdStatus;
    if (got.status !== created) fail(`a ${call} in flight during SIGTERM was answered ${got.status} instead of ${created}: ${excerpt(got.text)}`);
    const parsed = TodoSchema.safeParse(ctx.todos.createdTodo(got.text));
    if (!parsed.success) fail(`a ${call} in flight during SIGTERM answered ${created} without the created todo: ${excerpt(got.text)}`);
    return `half the body sent, SIGTERM, the rest ${SETTLE_MS} ms later: ${created} with the todo ${Math.round(performance.now() - sentAt)} ms after SIGTERM`;
  } finally {
    clearTimeout(timeout);
    req.destroy();
  }
}

async function exitsInTime(server: ServerProcess, state: Termination): Promise<string> {
  const sent = sigterm(server, state);
  const left = SHUTDOWN_DEADLINE_MS - (performance.now() - sent);
  const exit = await server.waitForExit(Math.max(0, left));
  const { stream } = state;
  if (!exit) {
    const open = stream && !(await settled(stream)) ? '; the event stream is still open' : '';
    fail(`still running ${SHUTDOWN_DEADLINE_MS} ms after SIGTERM (SHUTDOWN_TIMEOUT_MS=${SHUTDOWN_TIMEOUT_MS} + 2 s)${open}`);
  }
  const exitMs = Math.round(exit.at - sent);
  if (exit.code !== 0) fail(`exited with ${describeExit(exit)} ${exitMs} ms after SIGTERM, expected code 0:\n${server.output()}`);
  if (state.streamError) fail(`exited 0 after ${exitMs} ms, but no event stream or socket could be opened to see it ended: ${state.streamError}`);
  if (state.socket) {
    const closed = await state.socket.closed;
    if (closed.code !== CLOSE_GOING_AWAY) {
      fail(`exited 0 after ${exitMs} ms, but the socket closed with ${closed.code}${closed.reason ? ` "${closed.reason}"` : ''}, expected ${CLOSE_GOING_AWAY} (going away)`);
    }
    return `exited 0 ${exitMs} ms after SIGTERM; the server closed the socket with 1001 after ${Math.round(closed.at - sent)} ms`;
  }
  if (!stream) return `exited 0 ${exitMs} ms after SIGTERM`;
  const end = await stream.closed;
  if (end.by !== 'server') {
    fail(`exited 0 after ${exitMs} ms, but the event stream was not ended by the server (${describeEnd(end)}): end open streams on SIGTERM`);
  }
  return `exited 0 ${exitMs} ms after SIGTERM; the server ended the event stream after ${Math.round(end.at - sent)} ms`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether the stream has ended, without waiting. */
async function settled(stream: EventStream): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([stream.closed, Promise.resolve(pending)])) !== pending;
}
