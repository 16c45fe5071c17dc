/** A browser tab's console bookkeeping, and what a failed browser check leaves in `.verify/`. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, HttpResponse, Locator, Page } from '../../src/verify/browser/driver.js';
import { Tab, withArtifacts } from '../../src/verify/browser/tab.js';
import { CheckFailure } from '../../src/verify/runner.js';

type Listener = (value: never) => void;

/** Just enough of a Playwright page: listeners, and a screenshot that writes a file. */
class FakePage implements Page {
  readonly listeners = new Map<string, Listener[]>();
  constructor(private readonly screenshotFails = false) {}
  emit(event: 'console' | 'pageerror' | 'response', value: ConsoleMessage | Error | HttpResponse): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (v: typeof value) => void)(value);
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  goto = async (): Promise<null> => null;
  reload = async (): Promise<null> => null;
  getByLabel = (): Locator => unused();
  getByRole = (): Locator => unused();
  locator = (): Locator => unused();
  async screenshot(options: { path: string }): Promise<Buffer> {
    if (this.screenshotFails) throw new Error('Target closed');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(options.path, 'png');
    return Buffer.from('png');
  }
}

function unused(): never {
  throw new Error('not used by this test');
}

function contextOf(pages: FakePage[]): BrowserContext {
  return {
    newPage: async () => pages.shift() ?? unused(),
    setDefaultTimeout: () => undefined,
    close: async () => undefined,
  };
}

const consoleMessage = (type: string, text: string, url: string): ConsoleMessage => ({ type: () => type, text: () => text, location: () => ({ url }) });

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('Tab', () => {
  it('keeps the console, and counts errors except the first visit 401 from /api/auth/refresh', async () => {
    const page = new FakePage();
    const tab = await Tab.open(contextOf([page]), 'tab-a', 'http://127.0.0.1:1/');
    page.emit('console', consoleMessage('error', 'Failed to load resource: the server responded with a status of 401 (Unauthorized)', 'http://127.0.0.1:1/api/auth/refresh'));
    page.emit('console', consoleMessage('log', 'hello', ''));
    page.emit('console', consoleMessage('error', 'Failed to load resource: the server responded with a status of 500 ()', 'http://127.0.0.1:1/api/todos'));
    page.emit('pageerror', new Error('x is not a function'));
    page.emit('response', { url: () => 'http://127.0.0.1:1/api/todos?limit=20', status: () => 200, request: () => ({ method: () => 'GET' }) });
    expect(tab.console).toHaveLength(4);
    expect(tab.errors).toEqual([expect.stringMatching(/^error: .*status of 500.*\/api\/todos\)$/), 'uncaught: x is not a function']);
    expect(tab.responses).toEqual([{ method: 'GET', path: '/api/todos', status: 200 }]);
  });
});

describe('Tab.answered', () => {
  it('sees a 200 from a path, already received or arriving before the deadline', async () => {
    const page = new FakePage();
    const tab = await Tab.open(contextOf([page]), 'tab-b', 'http://127.0.0.1:1/');
    const response = (status: number): HttpResponse => ({ url: () => 'http://127.0.0.1:1/api/events', status: () => status, request: () => ({ method: () => 'GET' }) });
    page.emit('response', response(401));
    expect(await tab.answered('/api/events', 60)).toBe(false);
    setTimeout(() => page.emit('response', response(200)), 20);
    expect(await tab.answered('/api/events', 1_000)).toBe(true);
  });
});

describe('withArtifacts', () => {
  async function tabs(...pages: FakePage[]): Promise<Tab[]> {
    const context = contextOf([...pages]);
    return Promise.all(pages.map((_, i) => Tab.open(context, i === 0 ? 'tab-a' : 'tab-b', 'http://127.0.0.1:1/')));
  }

  it('passes the detail through when the steps pass, saving nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cfa-artifacts-'));
    dirs.push(dir);
    const open = await tabs(new FakePage());
    await expect(withArtifacts(dir, 'two-tabs', () => open, async () => 'fine')).resolves.toBe('fine');
    await expect(readFile(path.join(dir, '.verify/two-tabs.console.txt'))).rejects.toThrow();
  });

  it('saves a screenshot per tab and the console, and names them in the failure', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cfa-artifacts-'));
    dirs.push(dir);
    const pages = [new FakePage(), new FakePage()];
    const open = await tabs(...pages);
    pages[1]?.emit('console', consoleMessage('warning', 'slow', ''));
    const failing = withArtifacts(dir, 'two-tabs', () => open, async () => {
      throw new CheckFailure("tab B does not show tab A's todo");
    });
    await expect(failing).rejects.toThrow(
      new CheckFailure("tab B does not show tab A's todo\nsaved .verify/two-tabs.png, .verify/two-tabs.tab-b.png, .verify/two-tabs.console.txt"),
    );
    expect(await readFile(path.join(dir, '.verify/two-tabs.png'), 'utf8')).toBe('png');
    const log = await readFile(path.join(dir, '.verify/two-tabs.console.txt'), 'utf8');
    expect(log).toMatch(/^--- tab-a ---\n\(no console output\)\n\n--- tab-b ---\n\[\d+ ms\] warning: slow\n$/);
  });

  it('turns an unexpected error into a failure, and says when a screenshot could not be taken', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cfa-artifacts-'));
    dirs.push(dir);
    const open = await tabs(new FakePage(true));
    const failing = withArtifacts(dir, 'offline', () => open, async () => {
      throw new Error('locator.click: Timeout 10000ms exceeded.\nCall log:\n  - a\n  - b\n  - c');
    });
    await expect(failing).rejects.toThrow(
      /^locator\.click: Timeout 10000ms exceeded\.\nCall log:\n {2}- a\n {2}- b\nsaved \.verify\/offline\.console\.txt \(screenshot of tab-a: Target closed\)$/,
    );
  });
});
