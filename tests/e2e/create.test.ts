/**
 * End to end, as a user runs it: the built CLI generates, installs, commits and verifies a real
 * project (Step 4 against the running app), then the project's own test suite runs.
 */
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers.js';
import { runDevMode } from './dev-mode.js';

const MINUTES = 60_000;

async function createAndProve(args: string[]) {
  const cwd = await tempDir('e2e');
  const created = await cli(['app', ...args], cwd);
  const dir = path.join(cwd, 'app');
  expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
  return { created, dir };
}

describe('create --yes (the default stack)', () => {
  it(
    'generates, installs, commits, passes Step 4, and the project passes its own tests',
    async () => {
      const { created, dir } = await createAndProve(['--yes']);
      for (const phase of ['build', 'start', 'smoke', 'integration', 'realtime', 'browser', 'shutdown']) {
        expect(created.stdout).toMatch(new RegExp(`✔ ${phase}: `));
      }
      // a real browser: two tabs of one user, the offline banner, a transparent token refresh
      expect(created.stdout).toMatch(/✔ browser: two tabs stay in sync .*without reload/);
      expect(created.stdout).toMatch(/✔ browser: offline banner, then recovery /);
      expect(created.stdout).toMatch(
        /✔ browser: expired access token refreshed transparently .*POST \/api\/todos 401 -> POST \/api\/auth\/refresh 200 -> POST \/api\/todos 201/,
      );
      expect(created.stdout).not.toMatch(/✖/);
      expect(created.stdout).toMatch(/Step 5: handoff/);

      const log = await execa('git', ['log', '--oneline'], { cwd: dir });
      expect(log.stdout).toMatch(/Initial commit from create-fullstack-app/);
      const status = await execa('git', ['status', '--porcelain', '--ignored'], { cwd: dir });
      expect(status.stdout).toMatch(/!! \.env/); // the local secret is never committed

      const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
      for (const heading of ['What was built', 'How to run', 'What is missing', 'Key files']) expect(readme).toContain(heading);

      const tests = await execa('npm', ['test'], { cwd: dir, all: true, reject: false });
      expect(tests.exitCode, tests.all).toBe(0);

      // its own formatter finds nothing to change, even after install, build, tests and Step 4
      const format = await execa('npm', ['run', 'format:check'], { cwd: dir, all: true, reject: false });
      expect(format.exitCode, format.all).toBe(0);

      // the project keeps the browser proof after handover
      const e2e = await execa('npm', ['run', 'test:e2e'], { cwd: dir, all: true, reject: false });
      expect(e2e.exitCode, e2e.all).toBe(0);
      expect(e2e.all).toMatch(/two tabs: tab B showed tab A's todo \d+ ms after Add, without reload/);
    },
    10 * MINUTES,
  );
});

describe('create an API-only service without auth or real-time', () => {
  it(
    'passes Step 4 and its own tests; `npm run dev` answers and Ctrl-C leaves nothing running',
    async () => {
      const { created, dir } = await createAndProve(['--service', 'api', '--backend', 'express', '--db', 'sqlite', '--api', 'rest', '--realtime', 'none', '--auth', 'none', '--no-git']);
      expect(created.stdout).toMatch(/○ realtime: /);
      expect(created.stdout).toMatch(/○ browser: two tabs stay in sync \d+ ms service: api \(no client\)/);
      expect(created.stdout).not.toMatch(/✖/);
      const tests = await execa('npm', ['test'], { cwd: dir, all: true, reject: false });
      expect(tests.exitCode, tests.all).toBe(0);

      if (process.platform === 'linux') {
        const dev = await runDevMode(dir);
        expect(dev.healthy, dev.output).toBe(true);
        expect(dev.output).toMatch(/shared +\| .*Watching for file changes/);
        expect(dev.output).toMatch(/server +\| .*"msg":"shutdown complete"/);
        expect(dev.leftovers, dev.output).toEqual([]);
      }
    },
    10 * MINUTES,
  );
});

describe('create a Fastify + WebSocket + session stack', () => {
  it(
    'passes Step 4 in a real browser, and the project passes its own tests and browser test',
    async () => {
      const { created, dir } = await createAndProve(['--yes', '--backend', 'fastify', '--realtime', 'ws', '--auth', 'session', '--no-git']);
      for (const phase of ['build', 'start', 'smoke', 'integration', 'realtime', 'browser', 'shutdown']) {
        expect(created.stdout).toMatch(new RegExp(`✔ ${phase}: `));
      }
      // the same browser flow over a cookie session: two tabs of one user in sync through /ws
      expect(created.stdout).toMatch(/✔ browser: two tabs stay in sync .*without reload/);
      expect(created.stdout).toMatch(/✔ browser: offline banner, then recovery /);
      expect(created.stdout).toMatch(/✔ browser: session survives a reload /);
      expect(created.stdout).toMatch(/○ browser: expired access token refreshed transparently .*session has no access token/);
      expect(created.stdout).not.toMatch(/✖/);

      const tests = await execa('npm', ['test'], { cwd: dir, all: true, reject: false });
      expect(tests.exitCode, tests.all).toBe(0);
      const e2e = await execa('npm', ['run', 'test:e2e'], { cwd: dir, all: true, reject: false });
      expect(e2e.exitCode, e2e.all).toBe(0);
    },
    10 * MINUTES,
  );
});
