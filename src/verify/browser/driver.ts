/**
 * playwright-core, loaded from the generated project's own node_modules (never bundled into
 * the CLI), typed here by the few calls the browser checks make.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { errorMessage } from '../runner.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
] as const;

type WaitState = 'visible' | 'hidden' | 'attached' | 'detached';

export interface Locator {
  click(options?: { timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  waitFor(options: { state: WaitState; timeout?: number }): Promise<void>;
  filter(options: { hasText: string }): Locator;
  count(): Promise<number>;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
  location(): { url: string };
}

export interface HttpResponse {
  url(): string;
  status(): number;
  request(): { method(): string };
}

/** A WebSocket the page opened (Playwright reports its frames, not its open). */
export interface PageWebSocket {
  url(): string;
  on(event: 'framereceived', listener: (frame: { payload: string | Buffer }) => void): unknown;
}

export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  reload(options?: { timeout?: number }): Promise<unknown>;
  getByLabel(text: string, options?: { exact?: boolean }): Locator;
  getByRole(role: 'button', options: { name: string; exact?: boolean }): Locator;
  locator(selector: string): Locator;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(event: 'console', listener: (message: ConsoleMessage) => void): unknown;
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  on(event: 'response', listener: (response: HttpResponse) => void): unknown;
  on(event: 'websocket', listener: (socket: PageWebSocket) => void): unknown;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  setDefaultTimeout(ms: number): void;
  close(): Promise<void>;
}

export interface Browser {
  newContext(): Promise<BrowserContext>;
  version(): string;
  close(): Promise<void>;
}

export interface BrowserType {
  launch(options: { executablePath: string; args: string[]; headless: boolean; timeout: number }): Promise<Browser>;
}

export type DriverLookup = { found: true; chromium: BrowserType; version: string } | { found: false; reason: string };

function isBrowserType(value: unknown): value is BrowserType {
  return typeof value === 'object' && value !== null && 'launch' in value && typeof value.launch === 'function';
}

function chromiumOf(mod: unknown): unknown {
  if (typeof mod !== 'object' || mod === null) return undefined;
  if ('chromium' in mod && mod.chromium) return mod.chromium;
  return 'default' in mod ? chromiumOf(mod.default) : undefined;
}

/** Resolves `playwright-core` as the project itself would; a missing package is a reason, not an error. */
export async function loadDriver(projectDir: string): Promise<DriverLookup> {
  const require = createRequire(path.join(projectDir, 'package.json'));
  let entry: string;
  try {
    entry = require.resolve('playwright-core');
  } catch (error) {
    return { found: false, reason: `playwright-core is not installed in the project (${errorMessage(error).split('\n')[0]})` };
  }
  // required, not imported: the bundle's chunks are CommonJS run by its own loader (see code-cache/chunk-loader.ts)
  const mod: unknown = require(entry);
  const chromium = chromiumOf(mod);
  if (!isBrowserType(chromium)) return { found: false, reason: `${entry} does not export chromium.launch` };
  const manifest: unknown = require('playwright-core/package.json');
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
  return { found: true, chromium, version };
}

export async function launchChromium(chromium: BrowserType, executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true, timeout: 30_000 });
}
