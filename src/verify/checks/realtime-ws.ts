/**
 * Step 4.4 for `--realtime ws`: the upgrade refuses what it must (no token or session cookie, a
 * foreign Origin) before any socket exists, two sockets of one user receive each other's changes,
 * a third user's socket gets none of them, the server pings, and (auth session) sign-out closes
 * the session's sockets. With `--api trpc` the sockets speak tRPC and subscribe to `todos.onChange`.
 */
import { createTodo, CSRF_HEADER, uniqueTitle, type Session, type Todo } from '../api.js';
import { expectStatus } from '../assert.js';
import { CLIENT_ORIGIN, headersOf, newSession, sameUserSession, type VerifyContext } from '../context.js';
import { CheckSkipped, fail, type Phase } from '../runner.js';
import { openSocket, tryOpenSocket, type SocketMessage, type SocketTarget, type TodoSocket } from '../ws.js';
import { DeletedEventSchema, EVENT_TIMEOUT_MS, TodoEventSchema } from './realtime.js';

const HEARTBEAT_TIMEOUT_MS = 2_500;
/** The application close code of a socket whose session ended. */
const CLOSE_SESSION_ENDED = 4401;
const CLOSE_TIMEOUT_MS = 2_000;
const FOREIGN_ORIGIN = 'https://attacker.example';

/** The todo a message is about, when it is a `todo.*` event matching the contract. */
function todoOf(message: SocketMessage): { id: string | number; title?: string } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    return undefined;
  }
  const changed = TodoEventSchema.safeParse(json);
  if (changed.success) return changed.data.todo;
  const deleted = DeletedEventSchema.safeParse(json);
  return deleted.success ? { id: deleted.data.id } : undefined;
}

function about(type: string, key: { id?: string | number; title?: string }): (message: SocketMessage) => boolean {
  return (message) => {
    if (message.type !== type) return false;
    const todo = todoOf(message);
    if (!todo) return false;
    return key.id !== undefined ? todo.id === key.id : todo.title === key.title;
  };
}

async function expectMessage(socket: TodoSocket, type: string, key: { id?: string | number; title?: string }, since: number): Promise<number> {
  const message = await socket.waitFor(about(type, key), EVENT_TIMEOUT_MS, `${type} event for todo ${key.id ?? `"${key.title}"`}`);
  return Math.round(message.receivedAt - since);
}

interface Sockets {
  owner: Session | undefined;
  third: Session | undefined;
  a: TodoSocket;
  b: TodoSocket;
  c: TodoSocket;
  todo?: Todo;
}

export class WebSocketChecks {
  private sockets: Sockets | undefined;
  private readonly opened: TodoSocket[] = [];
  constructor(private readonly ctx: VerifyContext) {}

  /** `origin` null: no Origin header at all, like a non-browser client. */
  private target(session: Session | undefined, origin: string | null = CLIENT_ORIGIN): SocketTarget {
    return socketTarget(this.ctx, session, origin);
  }

  private async open(label: string, session: Session | undefined): Promise<TodoSocket> {
    const socket = await openSocket(label, this.target(session));
    this.opened.push(socket);
    return socket;
  }

  private need(): Sockets {
    if (!this.sockets) throw new CheckSkipped('the sockets did not open');
    return this.sockets;
  }

  private async expectRefused(label: string, target: SocketTarget, status: number): Promise<string> {
    const result = await tryOpenSocket(label, target);
    if ('socket' in result) {
      await result.socket.close();
      fail(`${label}: the upgrade was accepted; it must be refused with ${status} before upgrading`);
    }
    if (result.refused.status !== status) fail(`${label}: refused with ${result.refused.status}, expected ${status}: ${result.refused.body.slice(0, 200)}`);
    return `${label} -> ${status} before the upgrade`;
  }

  async requiresAuth(): Promise<string> {
    if (this.ctx.options.auth === 'session') {
      const without = await this.expectRefused('GET /ws without a session cookie', this.target(undefined), 401);
      const unknown = await this.expectRefused('GET /ws with an unknown session id', { ...this.target(undefined), cookie: 'sid=not-a-session' }, 401);
      return `${without}; ${unknown}`;
    }
    return this.expectRefused('GET /ws without a token', this.target(undefined), 401);
  }

  async refusesForeignOrigin(): Promise<string> {
    const session = await this.ctx.user();
    const foreign = await this.expectRefused(`GET /ws with Origin ${FOREIGN_ORIGIN}`, this.target(session, FOREIGN_ORIGIN), 403);
    if (this.ctx.options.auth !== 'session') return foreign;
    // A cookie is sent whichever page opens the socket: only a named, allowed Origin may use it.
    const none = await this.expectRefused('GET /ws with the session cookie and no Origin', this.target(session, null), 403);
    return `${foreign}; ${none}`;
  }

  /** auth session: signing out closes the session's open sockets at once. */
  async closesAtSignOut(): Promise<string> {
    const session = await newSession(this.ctx, 'ws-logout');
    const socket = await this.open('socket of a session that signs out', session);
    const started = performance.now();
    const res = await this.ctx.http.request('/api/auth/logout', { method: 'POST', headers: { cookie: session.headers.cookie ?? '', [CSRF_HEADER]: session.csrfToken } });
    if (res.status !== 204) fail(`POST /api/auth/logout -> ${res.status}, expected 204`);
    const end = await Promise.race([socket.closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), CLOSE_TIMEOUT_MS))]);
    if (!end) fail(`the socket stayed open ${CLOSE_TIMEOUT_MS} ms after its session signed out`);
    if (end.code !== CLOSE_SESSION_ENDED) fail(`the socket closed with ${end.code} at sign-out, expected ${CLOSE_SESSION_ENDED} (session ended)`);
    return `closed with ${end.code} ${Math.round(end.at - started)} ms after POST /api/auth/logout`;
  }

  async openSockets(): Promise<string> {
    const jwt = this.ctx.options.auth !== 'none';
    const owner = jwt ? await newSession(this.ctx, 'ws') : undefined;
    const second = owner ? await sameUserSession(this.ctx, owner) : undefined;
    const third = jwt ? await newSession(this.ctx, 'ws-other') : undefined;
    const a = await this.open('socket A', owner);
    const b = await this.open(jwt ? 'socket B (same user, second login)' : 'socket B', second);
    const c = await this.open(jwt ? 'socket C (another user)' : 'socket C', third);
    this.sockets = { owner, third, a, b, c };
    const ready = Math.round((b.messages[0]?.receivedAt ?? b.openedAt) - b.openedAt);
    const how = this.ctx.options.auth === 'session' ? 'session cookie' : 'token in the subprotocol';
    const what = this.ctx.options.api === 'trpc' ? 'todos.onChange started' : 'ready';
    return `${jwt ? `A and B: one user, two logins; C: another user (${how})` : 'three anonymous sockets'}; ${what} ${ready} ms after connecting`;
  }

  async created(): Promise<string> {
    const s = this.need();
    const title = uniqueTitle('ws');
    const started = performance.now();
    // wait before posting: the event may arrive before the POST's response
    const posting = createTodo(this.ctx.todos, s.owner?.headers ?? {}, title).then((todo) => (s.todo = todo));
    const [latency, todo] = await Promise.all([expectMessage(s.b, 'todo.created', { title }, started), posting]);
    await expectMessage(s.a, 'todo.created', { id: todo.id }, started);
    return `socket B got todo.created ${latency} ms after the POST was sent`;
  }

  async updatedAndDeleted(): Promise<string> {
    const s = this.need();
    if (!s.todo) throw new CheckSkipped('creating a todo failed');
    const headers = s.owner?.headers ?? {};
    let started = performance.now();
    expectStatus(await this.ctx.todos.update(headers, s.todo.id, { completed: true }), 200);
    const updated = await expectMessage(s.b, 'todo.updated', { id: s.todo.id }, started);
    started = performance.now();
    expectStatus(await this.ctx.todos.remove(headers, s.todo.id), this.ctx.todos.deletedStatus);
    const deleted = await expectMessage(s.b, 'todo.deleted', { id: s.todo.id }, started);
    return `socket B got todo.updated in ${updated} ms, todo.deleted in ${deleted} ms`;
  }

  async audience(): Promise<string> {
    const s = this.need();
    if (!s.todo) throw new CheckSkipped('creating a todo failed');
    const todo = s.todo;
    if (!s.third) {
      for (const type of ['todo.created', 'todo.deleted']) await expectMessage(s.c, type, { id: todo.id }, performance.now());
      return 'an anonymous socket received every event';
    }
    const own = await createTodo(this.ctx.todos, s.third.headers, uniqueTitle('ws-own'));
    await expectMessage(s.c, 'todo.created', { id: own.id }, performance.now());
    const leaked = s.c.messages.filter((m) => todoOf(m)?.id === todo.id);
    if (leaked.length) fail(`socket C (another user) received ${leaked.map((m) => m.type).join(', ')} for the owner's todo ${todo.id}`);
    return "another user's socket got its own event and none of the owner's";
  }

  /** WS_HEARTBEAT_MS=1000: a ping within 2.5 s of opening. */
  async heartbeat(): Promise<string> {
    const s = this.need();
    const deadline = s.a.openedAt + HEARTBEAT_TIMEOUT_MS;
    while (s.a.pings.length === 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const first = s.a.pings[0];
    if (first === undefined) fail(`no ping within ${HEARTBEAT_TIMEOUT_MS} ms with WS_HEARTBEAT_MS=1000`);
    return `ping ${Math.round(first - s.a.openedAt)} ms after the socket opened`;
  }

  async close(): Promise<void> {
    this.sockets = undefined;
    await Promise.all(this.opened.splice(0).map((socket) => socket.close()));
  }
}

/** Where and how a Step 4 socket connects, for `session` (its token or cookie) and `origin`. */
export function socketTarget(ctx: VerifyContext, session: Session | undefined, origin: string | null = CLIENT_ORIGIN): SocketTarget {
  return {
    projectDir: ctx.dir,
    baseUrl: ctx.http.url('/').origin.replace(/^http/, 'ws'),
    api: ctx.options.api === 'trpc' ? 'trpc' : 'rest',
    token: session?.accessToken || undefined,
    cookie: headersOf(session).cookie,
    origin: origin ?? undefined,
    signal: ctx.signal,
  };
}

export async function websocketChecks(ctx: VerifyContext, phase: Phase): Promise<void> {
  const checks = new WebSocketChecks(ctx);
  try {
    if (ctx.options.auth !== 'none') {
      await phase.run(ctx.options.auth === 'session' ? 'socket requires a session cookie' : 'socket requires a token', () => checks.requiresAuth());
    }
    await phase.run(ctx.options.auth === 'session' ? 'socket requires an allowed origin' : 'socket refuses a foreign origin', () => checks.refusesForeignOrigin());
    await phase.run('sockets open', () => checks.openSockets());
    await phase.run('todo.created reaches the other tab', () => checks.created());
    await phase.run('todo.updated and todo.deleted reach the other tab', () => checks.updatedAndDeleted());
    await phase.run(ctx.options.auth !== 'none' ? "other users' sockets get nothing" : 'every socket gets every event', () => checks.audience());
    await phase.run('heartbeat', () => checks.heartbeat());
    if (ctx.options.auth === 'session') await phase.run('sign-out closes the session\'s sockets', () => checks.closesAtSignOut());
  } finally {
    await checks.close();
  }
}
