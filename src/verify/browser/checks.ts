/** The three browser checks: two tabs in sync, offline and back, an expired token refreshed. */
import type { ProjectOptions } from '../../options/schema.js';
import type { LiveServer } from '../live-server.js';
import { CheckSkipped, fail } from '../runner.js';
import { addTodo, expectState, expectTodosScreen, offlineBanner, signUp, sleep, todoItem, uniqueTitle, UI_TIMEOUT_MS } from './app.js';
import type { Browser } from './driver.js';
import { Tab, withArtifacts } from './tab.js';

/** The access-token lifetime the server is restarted with so the refresh check need not wait long. */
export const SHORT_TOKEN_TTL_SECONDS = 2;
const SYNC_TIMEOUT_MS = 5_000;
/** --realtime polling: the client's default VITE_POLL_INTERVAL_MS, plus the refetch itself. */
export const POLL_INTERVAL_MS = 3_000;
const POLL_SYNC_TIMEOUT_MS = POLL_INTERVAL_MS + SYNC_TIMEOUT_MS;
const OFFLINE_TIMEOUT_MS = 15_000;

export interface BrowserEnv {
  dir: string;
  options: ProjectOptions;
  baseUrl: string;
  live: LiveServer;
  browser: Browser;
  signal?: AbortSignal;
}

/** Runs `steps` in a fresh browser context (its own cookies), saving artifacts on failure. */
async function inContext(env: BrowserEnv, slug: string, steps: (open: (name: string) => Promise<Tab>) => Promise<string>): Promise<string> {
  const context = await env.browser.newContext();
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const tabs: Tab[] = [];
  const open = async (name: string): Promise<Tab> => {
    const tab = await Tab.open(context, name, env.baseUrl);
    tabs.push(tab);
    return tab;
  };
  try {
    return await withArtifacts(env.dir, slug, () => tabs, () => steps(open));
  } finally {
    await context.close();
  }
}

function expectNoConsoleErrors(tabs: Tab[]): void {
  const errors = tabs.flatMap((tab) => tab.errors.map((line) => `${tab.name}: ${line}`));
  if (errors.length) fail(`unexpected console errors:\n${errors.slice(0, 5).join('\n')}`);
}

/** What the UI requests, by API style: the event stream, the list (polled), and the create call with its success status. */
function uiPaths(options: BrowserEnv['options']): { events: string; list: string; create: { path: string; status: number } } {
  return options.api === 'trpc'
    ? { events: '/api/trpc/todos.onChange', list: '/api/trpc/todos.list', create: { path: '/api/trpc/todos.create', status: 200 } }
    : { events: '/api/events', list: '/api/todos', create: { path: '/api/todos', status: 201 } };
}

export function twoTabsCheck(env: BrowserEnv): Promise<string> {
  const { realtime } = env.options;
  const live = realtime !== 'none';
  return inContext(env, 'two-tabs', async (open) => {
    const a = await open('tab-a');
    await signUp(a, env.options);
    // tab B: same context, so the same refresh cookie; with SSE, its stream must be open first
    const b = await open('tab-b');
    await expectTodosScreen(b, 'on load: the session was not restored from the refresh cookie');
    const events = uiPaths(env.options).events;
    if (realtime === 'sse' && !(await b.answered(events, UI_TIMEOUT_MS))) fail(`tab B's event stream (GET ${events}) did not open within ${UI_TIMEOUT_MS} ms`);
    // Subscribed: the REST socket's `{"type":"ready"}`, or tRPC's `{"result":{"type":"started"}}`.
    const subscribed = env.options.api === 'trpc' ? '"started"' : '"ready"';
    if (realtime === 'ws' && !(await b.socketReceived('/ws', (payload) => payload.includes(subscribed), UI_TIMEOUT_MS))) {
      fail(`tab B's WebSocket (/ws) was not ready within ${UI_TIMEOUT_MS} ms`);
    }
    const title = uniqueTitle('two tabs');
    await addTodo(a, title);
    const added = performance.now();
    await expectState(todoItem(a, title), 'visible', `tab A does not show the todo it added`);
    let shown: string;
    if (live) {
      const timeout = realtime === 'polling' ? POLL_SYNC_TIMEOUT_MS : SYNC_TIMEOUT_MS;
      await expectState(todoItem(b, title), 'visible', `tab B does not show tab A's todo without a reload`, timeout);
      shown = `tab B showed tab A's todo ${Math.round(performance.now() - added)} ms after Add, without reload${realtime === 'polling' ? ` (polling every ${POLL_INTERVAL_MS} ms)` : ` (${realtime})`}`;
    } else {
      await b.page.reload();
      await expectState(todoItem(b, title), 'visible', `tab B does not show tab A's todo after a reload`);
      shown = "tab B showed tab A's todo after a reload (live sync not checked: realtime: none)";
    }
    expectNoConsoleErrors([a, b]);
    return `${env.options.auth !== 'none' ? 'tab B restored the session from the cookie; ' : ''}${shown}`;
  });
}

export function offlineCheck(env: BrowserEnv): Promise<string> {
  return inContext(env, 'offline', async (open) => {
    const a = await open('tab-a');
    await signUp(a, env.options);
    await env.live.stop();
    const stopped = performance.now();
    // a person keeps working: the failed save (or the dropped event stream) shows the banner
    await addTodo(a, uniqueTitle('while offline'));
    await expectState(offlineBanner(a), 'visible', 'the offline banner after the server stopped', OFFLINE_TIMEOUT_MS);
    const bannerMs = Math.round(performance.now() - stopped);
    // same port, same database; a short token lifetime from here on, for the refresh check
    const overrides: Record<string, string> = env.options.auth === 'jwt' ? { ACCESS_TOKEN_TTL_SECONDS: String(SHORT_TOKEN_TTL_SECONDS) } : {};
    const upMs = await env.live.restart(overrides, env.signal);
    const up = performance.now();
    await expectState(offlineBanner(a), 'hidden', 'the offline banner after the server came back', OFFLINE_TIMEOUT_MS);
    const goneMs = Math.round(performance.now() - up);
    await expectTodosScreen(a, 'after the server came back');
    const title = uniqueTitle('after recovery');
    await addTodo(a, title);
    await expectState(todoItem(a, title), 'visible', 'a todo added after recovery');
    return `banner ${bannerMs} ms after the server stopped; restarted in ${upMs} ms; banner gone ${goneMs} ms later; a todo added after recovery shows`;
  });
}

export async function tokenRefreshCheck(env: BrowserEnv): Promise<string> {
  if (env.options.auth === 'none') throw new CheckSkipped('auth: none');
  if (env.options.auth === 'session') throw new CheckSkipped('auth: session has no access token to refresh (see "session survives a reload")');
  const ttl = String(SHORT_TOKEN_TTL_SECONDS);
  if (env.live.env.ACCESS_TOKEN_TTL_SECONDS !== ttl) await env.live.restart({ ACCESS_TOKEN_TTL_SECONDS: ttl }, env.signal);
  return inContext(env, 'token-refresh', async (open) => {
    const a = await open('tab-a');
    await signUp(a, env.options);
    // With polling, a refetch may meet the expired token (and refresh it) while we wait: watch from here.
    const polling = env.options.realtime === 'polling';
    const signedIn = a.responses.length;
    // The token's iat is the second it was issued, rounded down, and its exp iat + TTL: it has
    // expired at most TTL seconds after the sign-up returned. The extra 300 ms are for timer slack.
    await sleep(SHORT_TOKEN_TTL_SECONDS * 1_000 + 300);
    const before = polling ? signedIn : a.responses.length;
    const title = uniqueTitle('after expiry');
    const started = performance.now();
    await addTodo(a, title);
    await expectState(todoItem(a, title), 'visible', 'the todo added once the access token expired');
    const ms = Math.round(performance.now() - started);
    await expectTodosScreen(a, 'once the access token expired');
    const { create, list } = uiPaths(env.options);
    // With polling, the list's refetch may be the call that meets the expired token first.
    const watched = (path: string) => path === create.path || (polling && path === list);
    const seen = a.responses
      .slice(before)
      .filter((r) => (watched(r.path) && (r.method === 'POST' || polling)) || r.path === '/api/auth/refresh');
    const trail = seen.map((r) => `${r.method} ${r.path} ${r.status}`).join(' -> ');
    const rejected = seen.findIndex((r) => watched(r.path) && r.status === 401);
    if (rejected === -1) fail(`the expired access token was not rejected (ACCESS_TOKEN_TTL_SECONDS=${ttl}): ${trail || 'no request seen'}`);
    const refreshed = seen.findIndex((r, i) => i > rejected && r.path === '/api/auth/refresh' && r.status === 200);
    const retried = seen.findIndex((r, i) => i > refreshed && r.path === create.path && r.status === create.status);
    if (refreshed === -1 || retried === -1) fail(`expected 401, a refresh (200), then the${polling ? '' : ' retried'} POST (${create.status}): ${trail}`);
    return `access token expired after ${ttl} s; ${trail}; todo shown ${ms} ms after Add, no login form`;
  });
}

/** `--auth session`: a reload keeps the user signed in (from the httpOnly cookie alone); sign-out ends it for good. */
export async function sessionReloadCheck(env: BrowserEnv): Promise<string> {
  if (env.options.auth !== 'session') throw new CheckSkipped(`auth: ${env.options.auth} (checked for --auth session only)`);
  return inContext(env, 'session-reload', async (open) => {
    const a = await open('tab-a');
    await signUp(a, env.options);
    const title = uniqueTitle('before reload');
    await addTodo(a, title);
    await expectState(todoItem(a, title), 'visible', 'the todo added before the reload');
    await a.page.reload();
    await expectTodosScreen(a, 'after a reload: the session was not restored from its cookie');
    await expectState(todoItem(a, title), 'visible', 'the todo after the reload');
    await a.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expectState(a.page.getByLabel('Email', { exact: true }), 'visible', 'the login form after "Sign out"');
    await a.page.reload();
    await expectState(a.page.getByLabel('Email', { exact: true }), 'visible', 'the login form after signing out and reloading (the session must be gone server-side)');
    expectNoConsoleErrors([a]);
    return 'signed in, reloaded: still signed in with the todo shown; signed out, reloaded: login form';
  });
}
