/** `create-fullstack-app verify --json`: the report, and only the report, on stdout. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectOptions } from '../../src/options/schema.js';
import { fakeProject, type FakeProjectOptions } from '../verify/fake-project.js';
import { cli } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A fake API-only project with the answers file `verify` reads. */
async function project(extra: Partial<FakeProjectOptions> = {}): Promise<string> {
  const fake = await fakeProject({ service: 'api', auth: 'none', realtime: 'none', ...extra });
  cleanups.push(fake.remove);
  const options: ProjectOptions = { service: 'api', backend: 'express', frontend: 'none', db: 'sqlite', api: 'rest', realtime: 'none', auth: 'none' };
  const answers = { tool: 'create-fullstack-app', version: '0.1.0', projectName: 'fake', packageManager: 'npm', options };
  await writeFile(path.join(fake.dir, 'create-fullstack-app.json'), JSON.stringify(answers));
  return fake.dir;
}

interface JsonReport {
  ok: boolean;
  durationMs: number;
  checks: { phase: string; name: string; status: string; durationMs: number; detail: string; checklist: string[] }[];
}

describe('create-fullstack-app verify --json', () => {
  it('prints the whole report as JSON and nothing else, exit code 0 when every check passed', async () => {
    const dir = await project();
    const result = await cli(['verify', dir, '--json'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(Object.keys(report)).toEqual(['ok', 'durationMs', 'checks']);
    expect(report.ok).toBe(true);
    expect(report.durationMs).toBeGreaterThan(0);
    for (const check of report.checks) expect(Object.keys(check)).toEqual(['phase', 'name', 'status', 'durationMs', 'detail', 'checklist']);
    expect(report.checks.find((c) => c.name === 'x-request-id')?.checklist).toContain('Structured JSON logging with request ID propagation');
    expect([...new Set(report.checks.map((c) => c.phase))]).toEqual(['build', 'start', 'smoke', 'integration', 'realtime', 'browser', 'shutdown']);
    expect(report.checks.filter((c) => c.phase === 'browser').every((c) => c.status === 'skipped' && c.detail === 'service: api (no client)')).toBe(true);
  });

  it('exits 1 when a check failed, still with the report alone on stdout and the failure on stderr', async () => {
    const dir = await project({ processFaults: ['exit-1-on-sigterm'] });
    const result = await cli(['verify', dir, '--json', '--no-build'], dir);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ phase: 'build', status: 'skipped' });
    expect(report.checks.filter((c) => c.status === 'failed')).toEqual([
      expect.objectContaining({ phase: 'shutdown', name: 'in-flight request completes on SIGTERM', detail: expect.stringMatching(/got no complete response/) }),
      expect.objectContaining({ phase: 'shutdown', name: 'graceful shutdown on SIGTERM', detail: expect.stringMatching(/^exited with code 1/) }),
    ]);
    expect(result.stderr).toMatch(/2 check\(s\) failed:\n[\s\S]*- shutdown \/ graceful shutdown on SIGTERM: exited with code 1/);
  });

  it('is listed in the help of verify', async () => {
    const result = await cli(['verify', '--help'], path.dirname(await project()));
    expect(result.stdout).toMatch(/--json\s+print the report as JSON on stdout and nothing else/);
  });
});
