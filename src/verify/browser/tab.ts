/** One browser tab of the app: its console, its responses, and the artifacts of a failed check. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CheckFailure, errorMessage } from '../runner.js';
import type { BrowserContext, HttpResponse, Page } from './driver.js';

/** Where a failed browser check leaves its screenshot and console log, in the project. */
export const ARTIFACTS_DIR = '.verify';

export class Tab {
  readonly console: string[] = [];
  /** Console errors and uncaught exceptions, less the expected ones. */
  readonly errors: string[] = [];
  readonly responses: { method: string; path: string; status: number }[] = [];
  /** Text frames received on the page's WebSockets, by socket path. */
  readonly socketFrames: { path: string; payload: string }[] = [];
  private readonly started = performance.now();

  private constructor(
    readonly name: string,
    readonly page: Page,
  ) {
    page.on('console', (message) => {
      const url = message.location().url;
      const line = `${message.type()}: ${message.text()}${url ? ` (${url})` : ''}`;
      this.log(line);
      if (message.type() === 'error' && !isExpectedError(message.text(), url)) this.errors.push(line);
    });
    page.on('pageerror', (error) => {
      this.log(`pageerror: ${errorMessage(error)}`);
      this.errors.push(`uncaught: ${errorMessage(error)}`);
    });
    page.on('response', (response) => this.responses.push(describe(response)));
    page.on('websocket', (socket) => {
      const path = new URL(socket.url()).pathname;
      socket.on('framereceived', ({ payload }) => this.socketFrames.push({ path, payload: String(payload) }));
    });
  }

  static async open(context: BrowserContext, name: string, url: string): Promise<Tab> {
    const tab = new Tab(name, await context.newPage());
    await tab.page.goto(url);
    return tab;
  }

  /** Whether `path` answered 200 since the tab opened (headers count: an event stream stays open), within `timeoutMs`. */
  async answered(path: string, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.responses.some((r) => r.path === path && r.status === 200)) return true;
      if (performance.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Whether a WebSocket on `path` received a frame matching `match`, within `timeoutMs`. */
  async socketReceived(path: string, match: (payload: string) => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.socketFrames.some((frame) => frame.path === path && match(frame.payload))) return true;
      if (performance.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private log(line: string): void {
    this.console.push(`[${Math.round(performance.now() - this.started)} ms] ${line}`);
  }
}

/**
 * A first visit asks whether the cookie holds a session (POST /api/auth/refresh with jwt,
 * GET /api/auth/me with sessions) before any sign-in: its 401 is expected.
 */
const SESSION_PROBES = new Set(['/api/auth/refresh', '/api/auth/me']);

function isExpectedError(text: string, url: string): boolean {
  return /status of 401/.test(text) && SESSION_PROBES.has(new URL(url || 'http://x/').pathname);
}

function describe(response: HttpResponse): { method: string; path: string; status: number } {
  return { method: response.request().method(), path: new URL(response.url()).pathname, status: response.status() };
}

/**
 * Runs a check's steps; when one throws, saves `<slug>.png` (per tab) and `<slug>.console.txt`
 * under `.verify/` and fails with the message and the names of those files.
 */
export async function withArtifacts(dir: string, slug: string, tabs: () => Tab[], steps: () => Promise<string>): Promise<string> {
  try {
    return await steps();
  } catch (error) {
    const message = error instanceof CheckFailure ? error.message : firstLines(errorMessage(error), 4);
    const saved = await saveArtifacts(dir, slug, tabs());
    throw new CheckFailure(`${message}\n${saved}`, { cause: error });
  }
}

async function saveArtifacts(dir: string, slug: string, tabs: Tab[]): Promise<string> {
  const folder = path.join(dir, ARTIFACTS_DIR);
  const files: string[] = [];
  const problems: string[] = [];
  try {
    await mkdir(folder, { recursive: true });
    for (const [index, tab] of tabs.entries()) {
      const file = `${slug}${index === 0 ? '' : `.${tab.name}`}.png`;
      await tab.page.screenshot({ path: path.join(folder, file), fullPage: true }).then(
        () => files.push(`${ARTIFACTS_DIR}/${file}`),
        (error: unknown) => problems.push(`screenshot of ${tab.name}: ${errorMessage(error)}`),
      );
    }
    const log = tabs.map((tab) => `--- ${tab.name} ---\n${tab.console.join('\n') || '(no console output)'}`).join('\n\n');
    await writeFile(path.join(folder, `${slug}.console.txt`), `${log}\n`);
    files.push(`${ARTIFACTS_DIR}/${slug}.console.txt`);
  } catch (error) {
    problems.push(`saving artifacts: ${errorMessage(error)}`);
  }
  const list = files.length ? `saved ${files.join(', ')}` : 'no artifacts saved';
  return problems.length ? `${list} (${problems.join('; ')})` : list;
}

function firstLines(text: string, count: number): string {
  return text.split('\n').slice(0, count).join('\n');
}
