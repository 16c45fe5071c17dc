/**
 * A WebSocket client for Step 4, built on the `ws` package the generated server depends on,
 * loaded from the project's own node_modules (like playwright-core for the browser checks):
 * Node 20 has no WebSocket client without a flag, and nothing of it is bundled into the CLI.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { CheckFailure, errorMessage } from './runner.js';

/** What the generated server promises (shared/src/events.ts). */
export const WS_PATH = '/ws';
export const WS_PROTOCOL = 'todo-events.v1';
/** `--api trpc`: tRPC's JSON-RPC messages; `todos.onChange` is subscribed as call TRPC_SUBSCRIPTION_ID. */
export const WS_TRPC_PROTOCOL = 'trpc.v11';
export const TRPC_SUBSCRIPTION_ID = 1;
export const WS_TOKEN_PROTOCOL_PREFIX = 'bearer.';
export const WS_READY_TYPE = 'ready';
/** The type recorded for tRPC's `{"result":{"type":"started"}}`: the subscription is live. */
export const TRPC_STARTED_TYPE = 'trpc.started';

/** The part of `ws`'s client this file uses. */
interface WsSocket {
  readonly readyState: number;
  readonly protocol: string;
  on(event: 'message', listener: (data: Buffer) => void): unknown;
  on(event: 'ping', listener: () => void): unknown;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'open', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'unexpected-response', listener: (request: unknown, response: WsResponse) => void): unknown;
  close(code?: number): void;
  send(data: string): void;
  terminate(): void;
}
interface WsResponse {
  statusCode?: number;
  headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}
type WsConstructor = new (
  url: string,
  protocols: string[],
  options: { origin?: string; headers?: Record<string, string>; handshakeTimeout: number },
) => WsSocket;

const loaded = new Map<string, Promise<WsConstructor>>();

/** `ws` as the project's server resolves it; missing, it is a failure that says so. */
export function loadWs(projectDir: string): Promise<WsConstructor> {
  let found = loaded.get(projectDir);
  if (!found) {
    found = (async () => {
      const require = createRequire(path.join(projectDir, 'server', 'package.json'));
      let entry: string;
      try {
        entry = require.resolve('ws');
      } catch (error) {
        throw new CheckFailure(`the ws package is not installed in the project (${errorMessage(error).split('\n')[0]})`);
      }
      // required, not imported: the bundle's chunks are CommonJS run by its own loader (see code-cache/chunk-loader.ts)
      const mod: unknown = require(entry);
      const ctor = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : mod;
      if (typeof ctor !== 'function') throw new CheckFailure(`${entry} does not export the WebSocket class`);
      return ctor as WsConstructor;
    })();
    loaded.set(projectDir, found);
  }
  return found;
}

export interface SocketMessage {
  /** The `type` of the JSON message, or '' when it is not JSON with a string type. */
  type: string;
  data: string;
  receivedAt: number;
}

export interface SocketEnd {
  code: number;
  reason: string;
  at: number;
}

export interface SocketTarget {
  projectDir: string;
  /** ws://host:port */
  baseUrl: string;
  /** `rest`: the todo-events.v1 protocol; `trpc`: tRPC's, subscribing to `todos.onChange`. */
  api: 'rest' | 'trpc';
  token?: string | undefined;
  /** `sid=<value>`: the session cookie a browser sends with the upgrade (auth session). */
  cookie?: string | undefined;
  origin?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** An open socket: messages and pings as they arrive, and how it ended. */
export class TodoSocket {
  readonly messages: SocketMessage[] = [];
  readonly pings: number[] = [];
  readonly closed: Promise<SocketEnd>;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly label: string,
    private readonly ws: WsSocket,
    readonly openedAt: number,
  ) {
    ws.on('message', (data) => {
      const { type, text } = unwrap(data.toString('utf8'));
      this.messages.push({ type, data: text, receivedAt: performance.now() });
      for (const waiter of this.waiters) waiter();
    });
    ws.on('ping', () => this.pings.push(performance.now()));
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString('utf8'), at: performance.now() });
        for (const waiter of this.waiters) waiter();
      });
    });
  }

  get protocol(): string {
    return this.ws.protocol;
  }

  send(data: string): void {
    this.ws.send(data);
  }

  /** The first message (already received or future) matching `match`, or a failure naming `what`. */
  waitFor(match: (message: SocketMessage) => boolean, timeoutMs: number, what: string): Promise<SocketMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const seen = this.messages.map((m) => m.type || m.data.slice(0, 60)).join(', ') || 'none';
        reject(new CheckFailure(`${this.label}: no ${what} within ${timeoutMs} ms (messages seen: ${seen})`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.ws.terminate();
    await this.closed;
  }
}

function typeOf(json: unknown): string {
  return typeof json === 'object' && json !== null && 'type' in json && typeof json.type === 'string' ? json.type : '';
}

/**
 * A message as the checks read it: a REST message as is; a tRPC answer unwrapped, so a subscription's
 * `{"id":1,"result":{"type":"data","data":<event>}}` reads as the event itself, like over REST.
 */
function unwrap(text: string): { type: string; text: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { type: '', text };
  }
  if (typeof json === 'object' && json !== null && 'result' in json && typeof json.result === 'object' && json.result !== null) {
    const result: { type?: unknown; data?: unknown } = json.result;
    if (result.type === 'started') return { type: TRPC_STARTED_TYPE, text };
    if (result.type === 'data') return { type: typeOf(result.data), text: JSON.stringify(result.data) };
  }
  return { type: typeOf(json), text };
}

export type UpgradeResult = { socket: TodoSocket } | { refused: { status: number; body: string } };

const HANDSHAKE_TIMEOUT_MS = 5_000;

/** Opens `/ws`: resolves with the socket once it is subscribed (`ready`, or tRPC's `started`), or with the refusal's status. */
export async function tryOpenSocket(label: string, target: SocketTarget): Promise<UpgradeResult> {
  const WebSocket = await loadWs(target.projectDir);
  const protocol = target.api === 'trpc' ? WS_TRPC_PROTOCOL : WS_PROTOCOL;
  const protocols = [protocol, ...(target.token ? [`${WS_TOKEN_PROTOCOL_PREFIX}${target.token}`] : [])];
  const started = performance.now();
  const ws = new WebSocket(`${target.baseUrl}${WS_PATH}`, protocols, {
    ...(target.origin ? { origin: target.origin } : {}),
    ...(target.cookie ? { headers: { cookie: target.cookie } } : {}),
    handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
  });
  // Listening from the start: `ready` may arrive in the same packet as the 101, before 'open' resolves.
  const socket = new TodoSocket(label, ws, started);
  const opened = await new Promise<{ open: true } | { refused: { status: number; body: string } } | { error: string }>((resolve) => {
    ws.once('open', () => resolve({ open: true }));
    ws.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ refused: { status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') } }));
    });
    ws.once('error', (error) => resolve({ error: errorMessage(error) }));
  });
  if ('error' in opened) throw new CheckFailure(`${label}: the upgrade to ${WS_PATH} failed: ${opened.error}`);
  if ('refused' in opened) {
    ws.terminate();
    return opened;
  }
  if (socket.protocol !== protocol) {
    await socket.close();
    throw new CheckFailure(`${label}: the server selected the subprotocol "${socket.protocol}", expected "${protocol}" (never the token)`);
  }
  try {
    if (target.api === 'trpc') {
      socket.send(JSON.stringify({ id: TRPC_SUBSCRIPTION_ID, method: 'subscription', params: { path: 'todos.onChange' } }));
      await socket.waitFor((m) => m.type === TRPC_STARTED_TYPE, HANDSHAKE_TIMEOUT_MS, 'tRPC {"result":{"type":"started"}} for todos.onChange');
    } else await socket.waitFor((m) => m.type === WS_READY_TYPE, HANDSHAKE_TIMEOUT_MS, `{"type":"${WS_READY_TYPE}"} message`);
  } catch (error) {
    await socket.close();
    throw error;
  }
  return { socket };
}

export async function openSocket(label: string, target: SocketTarget): Promise<TodoSocket> {
  const result = await tryOpenSocket(label, target);
  if ('refused' in result) throw new CheckFailure(`${label}: the upgrade to ${WS_PATH} was refused with ${result.refused.status}: ${result.refused.body.slice(0, 200)}`);
  return result.socket;
}
