/**
 * Step 4.4: "open two tabs, verify changes sync". Two sessions of one user each hold a stream;
 * a change made by one must reach the other, and (auth jwt) never a third user's stream.
 */
import { z } from 'zod';
import { createTodo, TodoSchema, uniqueTitle, type Session, type Todo } from '../api.js';
import { expectProblem, expectStatus, issuesText } from '../assert.js';
import { newSession, sameUserSession, type VerifyContext } from '../context.js';
import { CheckSkipped, fail, type Phase } from '../runner.js';
import { pollingChecks } from './realtime-polling.js';
import { websocketChecks } from './realtime-ws.js';
import { openEventStream, tryOpenEventStream, type EventStream, type SseEvent } from '../sse.js';

/** How long an event may take to reach another stream. */
export const EVENT_TIMEOUT_MS = 1_000;
const HEARTBEAT_TIMEOUT_MS = 2_500;

export const TodoEventSchema = z.object({ type: z.enum(['todo.created', 'todo.updated']), todo: TodoSchema });
export const DeletedEventSchema = z.object({ type: z.literal('todo.deleted'), id: z.union([z.string(), z.number()]) });

/** The todo an event is about, or undefined when its data does not match the contract. */
function parseEvent(event: SseEvent): { type: string; id: string | number; title?: string } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(event.data);
  } catch {
    return undefined;
  }
  const changed = TodoEventSchema.safeParse(json);
  if (changed.success) return { type: changed.data.type, id: changed.data.todo.id, title: changed.data.todo.title };
  const deleted = DeletedEventSchema.safeParse(json);
  return deleted.success ? { type: deleted.data.type, id: deleted.data.id } : undefined;
}

/**
 * Whether an event is named `name`: REST names each event by its type; a tRPC subscription sends
 * every value unnamed (`message`), the type being in the data.
 */
function named(event: SseEvent, name: string): boolean {
  return event.event === name || event.event === 'message';
}

/** Matches event `name` about the todo `key` (its id, or its title while the id is unknown). */
function about(name: string, key: { id?: string | number; title?: string }): (event: SseEvent) => boolean {
  return (event) => {
    if (!named(event, name)) return false;
    const parsed = parseEvent(event);
    if (!parsed || parsed.type !== name) return false;
    return key.id !== undefined ? parsed.id === key.id : parsed.title === key.title;
  };
}

/** A failure for an event whose name matched but whose data broke the contract. */
function malformed(stream: EventStream, name: string): string {
  const bad = stream.events.find((e) => named(e, name) && !parseEvent(e));
  if (!bad) return '';
  let issues = 'not JSON';
  try {
    const result = (name === 'todo.deleted' ? DeletedEventSchema : TodoEventSchema).safeParse(JSON.parse(bad.data));
    issues = result.success ? `type is not "${name}"` : issuesText(result.error);
  } catch {
    // the data is not JSON: `issues` already says so
  }
  return ` (a ${name} event arrived with data ${bad.data.slice(0, 160)}: ${issues})`;
}

async function expectEvent(stream: EventStream, name: string, key: { id?: string | number; title?: string }, since: number): Promise<number> {
  const what = `${name} event for todo ${key.id ?? `"${key.title}"`}`;
  try {
    const event = await stream.waitFor(about(name, key), EVENT_TIMEOUT_MS, what);
    return Math.round(event.receivedAt - since);
  } catch (error) {
    const extra = malformed(stream, name);
    if (extra && error instanceof Error) fail(`${error.message}${extra}`);
    throw error;
  }
}

interface Streams {
  owner: Session | undefined;
  a: EventStream;
  b: EventStream;
  /** A third user's stream with auth jwt; a third anonymous stream without auth. */
  c: EventStream;
  third: Session | undefined;
  todo?: Todo;
}

export class RealtimeChecks {
  private streams: Streams | undefined;
  /** Every stream opened, also when opening a later one failed, so close() ends them all. */
  private readonly opened: EventStream[] = [];
  constructor(private readonly ctx: VerifyContext) {}

  private async open(label: string, session: Session | undefined): Promise<EventStream> {
    const stream = await openEventStream(label, this.ctx.http.url(this.ctx.todos.eventsPath), session?.headers ?? {}, { signal: this.ctx.signal });
    this.opened.push(stream);
    return stream;
  }

  private need(): Streams {
    if (!this.streams) throw new CheckSkipped('the event streams did not open');
    return this.streams;
  }

  async requiresAuth(): Promise<string> {
    const path = this.ctx.todos.eventsPath;
    const opened = await tryOpenEventStream('stream without a token', this.ctx.http.url(path), {}, { signal: this.ctx.signal });
    if ('stream' in opened) {
      await opened.stream.close();
      fail(`GET ${path} without a token opened a stream (200 text/event-stream); it must answer 401`);
    }
    expectProblem(opened.refused, 401);
    return `GET ${path} without a token -> 401`;
  }

  async openStreams(): Promise<string> {
    const jwt = this.ctx.options.auth !== 'none';
    const owner = jwt ? await newSession(this.ctx, 'sse') : undefined;
    const second = owner ? await sameUserSession(this.ctx, owner) : undefined;
    const third = jwt ? await newSession(this.ctx, 'sse-other') : undefined;
    const a = await this.open('stream A', owner);
    const b = await this.open(jwt ? 'stream B (same user, second login)' : 'stream B', second);
    const c = await this.open(jwt ? 'stream C (another user)' : 'stream C', third);
    this.streams = { owner, a, b, c, third };
    return jwt ? `A and B: one user, two logins; C: another user (${this.ctx.options.auth === 'session' ? 'session cookie' : 'bearer header'})` : 'three anonymous streams';
  }

  async created(): Promise<string> {
    const s = this.need();
    const title = uniqueTitle('sse');
    const started = performance.now();
    // wait before posting: the event may arrive before the POST's response
    const posting = createTodo(this.ctx.todos, s.owner?.headers ?? {}, title).then((todo) => (s.todo = todo));
    const [latency, todo] = await Promise.all([expectEvent(s.b, 'todo.created', { title }, started), posting]);
    await expectEvent(s.a, 'todo.created', { id: todo.id }, started);
    return `stream B got todo.created ${latency} ms after the POST was sent`;
  }

  async updatedAndDeleted(): Promise<string> {
    const s = this.need();
    if (!s.todo) throw new CheckSkipped('creating a todo failed');
    const headers = s.owner?.headers ?? {};
    let started = performance.now();
    expectStatus(await this.ctx.todos.update(headers, s.todo.id, { completed: true }), 200);
    const updated = await expectEvent(s.b, 'todo.updated', { id: s.todo.id }, started);
    started = performance.now();
    expectStatus(await this.ctx.todos.remove(headers, s.todo.id), this.ctx.todos.deletedStatus);
    const deleted = await expectEvent(s.b, 'todo.deleted', { id: s.todo.id }, started);
    return `stream B got todo.updated in ${updated} ms, todo.deleted in ${deleted} ms`;
  }

  /** auth jwt: C sees its own todo but nothing of the owner's; no auth: C saw everything. */
  async audience(): Promise<string> {
    const s = this.need();
    if (!s.todo) throw new CheckSkipped('creating a todo failed');
    const todo = s.todo;
    if (!s.third) {
      for (const name of ['todo.created', 'todo.deleted']) await expectEvent(s.c, name, { id: todo.id }, performance.now());
      return 'an anonymous stream received every event';
    }
    const own = await createTodo(this.ctx.todos, s.third.headers, uniqueTitle('sse-own'));
    await expectEvent(s.c, 'todo.created', { id: own.id }, performance.now());
    const leaked = s.c.events.filter((e) => parseEvent(e)?.id === todo.id);
    if (leaked.length) fail(`stream C (another user) received ${leaked.map((e) => e.event).join(', ')} for the owner's todo ${todo.id}`);
    return "another user's stream got its own event and none of the owner's";
  }

  /** SSE_HEARTBEAT_MS=1000: a `: heartbeat` comment (not just an opening comment) within 2.5 s. */
  async heartbeat(): Promise<string> {
    const s = this.need();
    const deadline = s.a.openedAt + HEARTBEAT_TIMEOUT_MS;
    const find = () => s.a.comments.find((c) => c.text.startsWith('heartbeat'));
    while (!find() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const first = find();
    if (!first) {
      const seen = s.a.comments.map((c) => `": ${c.text}"`).join(', ') || 'none';
      fail(`no ": heartbeat" comment within ${HEARTBEAT_TIMEOUT_MS} ms with SSE_HEARTBEAT_MS=1000 (comments seen: ${seen})`);
    }
    return `": ${first.text}" ${Math.round(first.receivedAt - s.a.openedAt)} ms after the stream opened`;
  }

  async close(): Promise<void> {
    this.streams = undefined;
    await Promise.all(this.opened.splice(0).map((stream) => stream.close()));
  }
}

export async function realtimeChecks(ctx: VerifyContext, phase: Phase): Promise<void> {
  if (ctx.options.realtime === 'ws') return websocketChecks(ctx, phase);
  if (ctx.options.realtime === 'polling') return pollingChecks(ctx, phase);
  if (ctx.options.realtime !== 'sse') {
    phase.skip('real-time sync', 'realtime: none');
    return;
  }
  const checks = new RealtimeChecks(ctx);
  try {
    if (ctx.options.auth !== 'none') await phase.run('event stream requires a token', () => checks.requiresAuth());
    await phase.run('event streams open', () => checks.openStreams());
    await phase.run('todo.created reaches the other tab', () => checks.created());
    await phase.run('todo.updated and todo.deleted reach the other tab', () => checks.updatedAndDeleted());
    await phase.run(ctx.options.auth !== 'none' ? "other users' streams get nothing" : 'every stream gets every event', () => checks.audience());
    if (ctx.options.api === 'trpc') {
      phase.skip('heartbeat', "api: trpc sends tRPC's own ping event every 15 s (server/src/trpc/trpc.ts), not SSE_HEARTBEAT_MS comments; not waited for");
    } else await phase.run('heartbeat', () => checks.heartbeat());
  } finally {
    await checks.close();
  }
}
