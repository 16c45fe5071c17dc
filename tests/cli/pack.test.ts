import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const PACK = path.join(import.meta.dirname, '../../examples/pack-audit-log');

describe('--template', () => {
  it('adds the pack questions as flags to --help', async () => {
    const help = await cli(['--template', PACK, '--help'], await tempDir('pack-help'));
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/--audit <audit>\s+\[pack-audit-log\] Which requests go to the audit log\?/);
  });

  it('--dry-run renders the pack and its decision, writing nothing', async () => {
    const cwd = await tempDir('pack-dry');
    const run = await cli(['app', '--yes', '--template', PACK, '--audit', 'all', '--dry-run'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Audit log \(pack pack-audit-log\): Every request/);
    expect(run.stdout).toMatch(/server\/src\/audit\/audit-log\.ts/);
  });

  it('refuses a bad answer and, without a terminal, an unanswered pack question, naming the flag', async () => {
    const cwd = await tempDir('pack-flags');
    const bad = await cli(['app', '--yes', '--template', PACK, '--audit', 'some', '--dry-run'], cwd);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--audit "some" is not a valid value: choose one of writes, all, off/);
    const open = await cli(
      ['app', '--template', PACK, '--service', 'api', '--backend', 'express', '--frontend', 'none', '--db', 'sqlite', '--api', 'rest', '--realtime', 'none', '--auth', 'none', '--dry-run'],
      cwd,
    );
    expect(open.exitCode).toBe(2);
    expect(open.stderr).toMatch(/these questions have no answer: --audit <writes\|all\|off> \(pack pack-audit-log\)/);
    // built-in and pack questions left open are named in one error, not one run each
    const both = await cli(['app', '--template', PACK, '--auth', 'none', '--dry-run'], cwd);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toMatch(/--service <fullstack\|api\|microservice>.*--audit <writes\|all\|off> \(pack pack-audit-log\)/);
  });

  it('a malformed pack exits 2 naming the file and the field', async () => {
    const cwd = await tempDir('pack-bad');
    await mkdir(path.join(cwd, 'my-pack'));
    await writeFile(
      path.join(cwd, 'my-pack', 'template-pack.json'),
      JSON.stringify({ name: 'my-pack', version: '1.0.0', layers: [{ dir: 'a' }, { dir: 'b', when: { auth: ['oauth'] } }] }),
    );
    const run = await cli(['app', '--yes', '--template', './my-pack'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('my-pack/template-pack.json: layers[1].when.auth[0]: "oauth" is not a choice of --auth (jwt, session, none)');
  });
});
