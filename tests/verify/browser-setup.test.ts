/** Finding Chromium and playwright-core, and skipping (never passing) the browser checks without them. */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectOptions } from '../../src/options/schema.js';
import { BROWSER_CHECK_NAMES, browserChecks } from '../../src/verify/browser/index.js';
import { loadDriver } from '../../src/verify/browser/driver.js';
import { findChromium } from '../../src/verify/browser/find-chromium.js';
import { LiveServer } from '../../src/verify/live-server.js';
import { Recorder } from '../../src/verify/runner.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function temp(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cfa-browser-'));
  dirs.push(dir);
  return dir;
}

async function file(dir: string, name: string, content: string, mode = 0o644): Promise<string> {
  const full = path.join(dir, name);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content);
  await chmod(full, mode);
  return full;
}

const fullstack: ProjectOptions = { service: 'fullstack', backend: 'express', frontend: 'react', db: 'sqlite', api: 'rest', realtime: 'sse', auth: 'jwt' };
const apiOnly: ProjectOptions = { ...fullstack, service: 'api', frontend: 'none' };

describe('findChromium', () => {
  it('honours CHROME_PATH before PATH', async () => {
    const dir = await temp();
    const chrome = await file(dir, 'my-chrome', '#!/bin/sh\n', 0o755);
    await file(dir, 'bin/chromium', '#!/bin/sh\n', 0o755);
    expect(await findChromium({ CHROME_PATH: chrome, PATH: path.join(dir, 'bin') })).toEqual({ found: true, path: chrome });
  });

  it('reports a CHROME_PATH that is not an executable file, without falling back to PATH', async () => {
    const dir = await temp();
    const notExecutable = await file(dir, 'chrome', 'text');
    await file(dir, 'bin/chromium', '#!/bin/sh\n', 0o755);
    expect(await findChromium({ CHROME_PATH: notExecutable, PATH: path.join(dir, 'bin') })).toEqual({
      found: false,
      reason: `CHROME_PATH=${notExecutable} is not an executable file`,
    });
  });

  it('searches PATH for chromium, chromium-browser, google-chrome, in that order', async () => {
    const dir = await temp();
    const first = path.join(dir, 'a');
    const second = path.join(dir, 'b');
    await file(first, 'google-chrome', '#!/bin/sh\n', 0o755);
    const browser = await file(second, 'chromium-browser', '#!/bin/sh\n', 0o755);
    await file(first, 'chromium', 'not executable');
    expect(await findChromium({ PATH: [first, second].join(path.delimiter) })).toEqual({ found: true, path: browser });
  });

  it('says how to provide one when there is none', async () => {
    expect(await findChromium({ PATH: await temp() })).toEqual({
      found: false,
      reason: 'no browser: set CHROME_PATH or put chromium, chromium-browser, google-chrome on PATH',
    });
  });
});

describe('loadDriver', () => {
  it('reports a project without playwright-core', async () => {
    const dir = await temp();
    await file(dir, 'package.json', '{"name":"p","private":true}');
    const lookup = await loadDriver(dir);
    expect(lookup).toMatchObject({ found: false, reason: expect.stringMatching(/^playwright-core is not installed in the project/) });
  });

  it("loads the project's own playwright-core", async () => {
    const dir = await temp();
    await file(dir, 'package.json', '{"name":"p","private":true}');
    await file(dir, 'node_modules/playwright-core/package.json', '{"name":"playwright-core","version":"9.9.9","main":"index.js"}');
    await file(dir, 'node_modules/playwright-core/index.js', 'module.exports = { chromium: { launch: async () => ({}) } };');
    const lookup = await loadDriver(dir);
    expect(lookup).toMatchObject({ found: true, version: '9.9.9' });
  });
});

describe('browserChecks skips, with the reason', () => {
  const live = new LiveServer('/nonexistent', { port: 9, baseUrl: 'http://127.0.0.1:9', env: {} });
  async function run(options: ProjectOptions, env: NodeJS.ProcessEnv, dir = '/nonexistent') {
    const recorder = new Recorder();
    await browserChecks({ dir, options, baseUrl: 'http://127.0.0.1:9', live, env }, recorder.phase('browser'));
    return recorder.results.map((r) => [r.phase, r.name, r.status, r.detail]);
  }

  it('an API-only project', async () => {
    expect(await run(apiOnly, process.env)).toEqual(BROWSER_CHECK_NAMES.map((name) => ['browser', name, 'skipped', 'service: api (no client)']));
  });

  it('without a browser', async () => {
    const results = await run(fullstack, { PATH: await temp() });
    expect(results).toEqual(BROWSER_CHECK_NAMES.map((name) => ['browser', name, 'skipped', expect.stringMatching(/^no browser: set CHROME_PATH/)]));
  });

  it('without playwright-core in the project', async () => {
    const dir = await temp();
    await file(dir, 'package.json', '{"name":"p","private":true}');
    const chrome = await file(dir, 'chrome', '#!/bin/sh\n', 0o755);
    const results = await run(fullstack, { CHROME_PATH: chrome }, dir);
    expect(results).toHaveLength(BROWSER_CHECK_NAMES.length);
    expect(results.every(([, , status, detail]) => status === 'skipped' && String(detail).startsWith('playwright-core is not installed'))).toBe(true);
  });
});
