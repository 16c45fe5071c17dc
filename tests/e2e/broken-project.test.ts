/**
 * Step 4 catches what it claims to: one default project, generated once, broken on purpose in one
 * place at a time (rebuilt by `verify` itself), must fail the check that owns that part of the
 * contract, with a message that says what is wrong, and nothing unrelated.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers.js';

const MINUTES = 60_000;

interface JsonReport {
  ok: boolean;
  checks: { phase: string; name: string; status: string; detail: string }[];
}

let dir: string;

beforeAll(async () => {
  const cwd = await tempDir('broken');
  // installed but not verified: each breakage below runs Step 4 itself
  const created = await cli(['app', '--yes', '--no-git', '--no-verify'], cwd);
  expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
  dir = path.join(cwd, 'app');
}, 5 * MINUTES);

/** Replaces `pattern` in one project file for the duration of `run`, then restores the file. */
async function withBreakage<T>(file: string, pattern: RegExp, replacement: string, run: () => Promise<T>): Promise<T> {
  const full = path.join(dir, file);
  const original = await readFile(full, 'utf8');
  // a template change that moved this code must update the test, not make it pass vacuously
  expect(original, `${file} no longer matches ${pattern}`).toMatch(pattern);
  await writeFile(full, original.replace(pattern, replacement));
  try {
    return await run();
  } finally {
    await writeFile(full, original);
  }
}

async function verifyJson(): Promise<JsonReport> {
  const result = await cli(['verify', dir, '--json'], dir);
  const report = JSON.parse(result.stdout) as JsonReport;
  expect(result.exitCode, result.stderr).toBe(report.ok ? 0 : 1);
  return report;
}

const failed = (report: JsonReport) => report.checks.filter((c) => c.status === 'failed');

describe('verify on a deliberately broken default project', () => {
  it(
    'without the SSE route registration: the real-time checks fail on the missing /api/events',
    async () => {
      const report = await withBreakage('server/src/app.ts', /^\s*app\.use\('\/api\/events', streams\.router\);\n/m, '', verifyJson);
      expect(report.ok).toBe(false);
      const byName = new Map(failed(report).map((c) => [c.name, c]));
      expect(byName.get('event streams open')).toMatchObject({ phase: 'realtime', detail: expect.stringMatching(/\/api\/events.*404/s) });
      // the rest of the app still builds, starts and serves its API
      const phases = new Set(failed(report).map((c) => c.phase));
      for (const phase of ['build', 'start', 'smoke', 'integration']) expect(phases.has(phase), [...byName.keys()].join(', ')).toBe(false);
    },
    5 * MINUTES,
  );

  it(
    'with CORS answering "*": the CORS check fails, naming the header and the origin it let in',
    async () => {
      const report = await withBreakage(
        'server/src/shared/http/security.ts',
        /callback\(null, origin !== undefined && allowed\.has\(origin\)\)/,
        "callback(null, origin !== undefined && allowed.has(origin) ? origin : '*')",
        verifyJson,
      );
      expect(report.ok).toBe(false);
      expect(failed(report)).toEqual([
        expect.objectContaining({
          phase: 'integration',
          name: 'CORS refuses other origins',
          detail: expect.stringMatching(/from http:\/\/evil\.example: Access-Control-Allow-Origin is "\*", expected no header \(explicit origins only\)/),
        }),
      ]);
    },
    5 * MINUTES,
  );
});
