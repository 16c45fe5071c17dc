import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionKeys, questionOf } from '../../src/options/schema.js';
import { cli, readTree, tempDir } from './helpers.js';

const quick = ['--no-install', '--no-git', '--no-verify'];

describe('create-fullstack-app (built CLI, no terminal)', () => {
  it('--help lists every option flag with its choices', async () => {
    const result = await cli(['--help'], await tempDir('help'));
    expect(result.exitCode).toBe(0);
    const help = result.stdout.replace(/\s+/g, ' '); // help wraps at the terminal width
    for (const key of optionKeys) {
      const meta = questionOf(key);
      expect(help).toContain(`--${meta.flag} <${meta.flag}>`);
      expect(help).toContain(meta.choices.map((c) => c.value).join(' | '));
    }
    expect(help).toContain('verify [options] [dir]');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    const result = await cli(['--version'], await tempDir('version'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it.each([
    [['app', '--auth', 'oauth'], /--auth "oauth" is not a valid value: choose one of jwt, session, none/],
    [['app', '--service', 'api', '--frontend', 'react'], /--service api and --frontend react cannot be combined/],
    [['app', '--pm', 'yarn', '--yes'], /--pm "yarn" is not supported: choose one of npm/],
    [['app', '--colour'], /unknown option '--colour'/],
    [['My App', '--yes'], /"My App" cannot be the project name/],
  ])('%j exits 2 with a clear message and writes nothing', async (args, message) => {
    const cwd = await tempDir('bad');
    const result = await cli([...args, ...quick], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('without a terminal or --yes, names every unanswered flag instead of waiting', async () => {
    const cwd = await tempDir('missing');
    const result = await cli(['app', '--auth', 'none', ...quick], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--service <fullstack\|api\|microservice>/);
    expect(result.stderr).toMatch(/--realtime <sse\|ws\|polling\|none>/);
    expect(result.stderr).not.toMatch(/--auth </);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('without a terminal, a missing directory is an error unless --yes', async () => {
    const cwd = await tempDir('nodir');
    const result = await cli(['--service', 'api', '--realtime', 'none', '--auth', 'none', ...quick], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/project directory/);
  });

  it('refuses a non-empty directory and leaves it untouched', async () => {
    const cwd = await tempDir('nonempty');
    await mkdir(path.join(cwd, 'app'));
    await writeFile(path.join(cwd, 'app', 'package.json'), 'mine');
    const result = await cli(['app', '--yes', ...quick], cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/is not empty; nothing was written.*--force/s);
    expect(await readdir(path.join(cwd, 'app'))).toEqual(['package.json']);
    expect(await readFile(path.join(cwd, 'app', 'package.json'), 'utf8')).toBe('mine');
    expect(await readdir(cwd)).toEqual(['app']);
  });

  it('--force writes into a non-empty directory and keeps unrelated files', async () => {
    const cwd = await tempDir('force');
    await mkdir(path.join(cwd, 'app'));
    await writeFile(path.join(cwd, 'app', 'notes.md'), 'mine');
    const result = await cli(['app', '--yes', '--force', ...quick], cwd);
    expect(result.exitCode).toBe(0);
    expect(await readFile(path.join(cwd, 'app', 'notes.md'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(cwd, 'app', 'server/src/app.ts'), 'utf8')).toContain('createApp');
  });

  it('--yes writes the project, its decisions and an answers file that regenerates it', async () => {
    const first = await tempDir('first');
    const created = await cli(['app', '--yes', '--auth', 'none', ...quick], first);
    expect(created.exitCode, created.stderr).toBe(0);
    const answers = JSON.parse(await readFile(path.join(first, 'app/create-fullstack-app.json'), 'utf8')) as Record<string, unknown>;
    expect(answers).toMatchObject({ tool: 'create-fullstack-app', projectName: 'app', packageManager: 'npm' });
    expect(answers.options).toMatchObject({ service: 'fullstack', realtime: 'sse', auth: 'none' });
    expect(created.stdout).toMatch(/Step 1: decisions/);
    expect(created.stdout).toMatch(/Step 5: handoff/);

    const second = await tempDir('second');
    const again = await cli(['--answers', path.join(first, 'app/create-fullstack-app.json'), ...quick], second);
    expect(again.exitCode, again.stderr).toBe(0);
    const [a, b] = [await readTree(path.join(first, 'app')), await readTree(path.join(second, 'app'))];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, content] of a) if (file !== '.env') expect(b.get(file), file).toBe(content);
  });

  it('re-rendering an unchanged project in place writes the same bytes, its local secret included', async () => {
    const cwd = await tempDir('rerender');
    expect((await cli(['app', '--yes', ...quick], cwd)).exitCode).toBe(0);
    const before = await readTree(path.join(cwd, 'app'));
    const again = await cli(['.', '--answers', 'create-fullstack-app.json', '--on-conflict', 'error', ...quick], path.join(cwd, 'app'));
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Wrote 0 files/);
    expect(await readTree(path.join(cwd, 'app'))).toEqual(before);
  });

  it('--answers with a malformed file names the file and the field', async () => {
    const cwd = await tempDir('answers');
    await writeFile(path.join(cwd, 'answers.json'), JSON.stringify({ tool: 'create-fullstack-app', version: '1', projectName: 'x', packageManager: 'npm', options: { service: 'desktop' } }));
    const result = await cli(['--answers', 'answers.json', ...quick], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--answers answers\.json: options\.service/);
  });

  it('--dry-run prints every file with its size and the decisions, and writes nothing', async () => {
    const cwd = await tempDir('dry');
    const result = await cli(['app', '--yes', '--dry-run'], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Step 1: decisions/);
    expect(result.stdout).toMatch(/\d+(\.\d)? k?B\s+server\/src\/app\.ts/);
    expect(result.stdout).toMatch(/total, \d+ files/);
    expect(result.stdout).toMatch(/Dry run: nothing was written/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('--dry-run fails as the real run would, on a non-empty directory', async () => {
    const cwd = await tempDir('dry-nonempty');
    await mkdir(path.join(cwd, 'app'));
    await writeFile(path.join(cwd, 'app', 'package.json'), 'mine');
    const result = await cli(['app', '--yes', '--dry-run'], cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/is not empty/);
  });

  it('--on-conflict error names the differing files and writes nothing', async () => {
    const cwd = await tempDir('conflict');
    await mkdir(path.join(cwd, 'app'));
    await writeFile(path.join(cwd, 'app', 'package.json'), 'mine');
    const result = await cli(['app', '--yes', '--on-conflict', 'error', ...quick], cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/1 existing file\(s\) differ.*\n\s+package\.json/s);
    expect(await readdir(path.join(cwd, 'app'))).toEqual(['package.json']);
  });

  it('--on-conflict skip keeps the differing files and writes the rest', async () => {
    const cwd = await tempDir('skip');
    await mkdir(path.join(cwd, 'app'));
    await writeFile(path.join(cwd, 'app', 'package.json'), 'mine');
    const result = await cli(['app', '--yes', '--on-conflict', 'skip', ...quick], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/kept 1 existing file\(s\) that differ: package\.json/);
    expect(await readFile(path.join(cwd, 'app', 'package.json'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(cwd, 'app', 'server/src/app.ts'), 'utf8')).toContain('createApp');
  });

  it.each([
    [['--on-conflict', 'merge'], /--on-conflict "merge" is not a valid value: choose one of error, skip, overwrite/],
    [['--force', '--on-conflict', 'skip'], /--force and --on-conflict skip cannot be combined/],
  ])('%j exits 2', async (args, message) => {
    const cwd = await tempDir('policy');
    const result = await cli(['app', '--yes', ...args, ...quick], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
