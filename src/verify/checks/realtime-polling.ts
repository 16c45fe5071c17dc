/**
 * Step 4.4 with `--realtime polling`: no server push, the client refetches its todo queries on an
 * interval (the browser two-tab check proves that sync in a real browser). Over HTTP: the server
 * serves no event stream (REST `/api/events`, tRPC `todos.onChange`), and a second tab's next poll
 * returns what the first one changed.
 */
import { createTodo, TodoPageSchema, uniqueTitle } from '../api.js';
import { bodyOf, expectStatus } from '../assert.js';
import { newSession, sameUserSession, type VerifyContext } from '../context.js';
import { fail, type Phase } from '../runner.js';
import { tryOpenEventStream } from '../sse.js';

/** The event stream route is absent: a push channel nobody reads would hold connections for nothing. */
async function noPushRoute(ctx: VerifyContext): Promise<string> {
  const path = ctx.todos.eventsPath;
  const headers = (await ctx.user())?.headers ?? {};
  const opened = await tryOpenEventStream('event stream', ctx.http.url(path), headers, { signal: ctx.signal });
  if ('stream' in opened) {
    await opened.stream.close();
    fail(`GET ${path} opened an event stream; with --realtime polling there is no server push, it must answer 404`);
  }
  if (opened.refused.status !== 404)
    fail(
      `GET ${path} -> ${opened.refused.status}; with --realtime polling there is no server push, it must answer 404`,
    );
  return `GET ${path} -> 404 (no server push)`;
}

/** Tab A creates a todo; tab B (same user, second login) sees it in its next poll of the list. */
async function pollSeesChange(ctx: VerifyContext): Promise<string> {
  const owner = ctx.options.auth === 'none' ? undefined : await newSession(ctx, 'poll');
  const second = owner ? await sameUserSession(ctx, owner) : undefined;
  const todo = await createTodo(ctx.todos, owner?.headers ?? {}, uniqueTitle('poll'));
  const res = await ctx.todos.list(second?.headers ?? {}, { limit: 100 });
  expectStatus(res, 200);
  if (!bodyOf(res, TodoPageSchema).data.some((item) => item.id === todo.id)) {
    fail(
      `${ctx.todos.describe('list')} for a second session did not include todo ${todo.id}, just created by the first`,
    );
  }
  return `a second ${owner ? 'login' : 'client'}'s next ${ctx.todos.describe('list')} included the todo the first created`;
}

export async function pollingChecks(ctx: VerifyContext, phase: Phase): Promise<void> {
  await phase.run('no event stream with polling', () => noPushRoute(ctx));
  await phase.run("a poll sees the other tab's change", () => pollSeesChange(ctx));
  phase.skip(
    'server push',
    'realtime: polling has no server push; the browser two-tab check proves sync within the poll interval',
  );
}
