import { mkdtemp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../src/write/commit.js';
import { FileConflictError } from '../../src/write/plan.js';
import { inspectTarget } from '../../src/write/target.js';
import { TargetDirectoryError, UsageError } from '../../src/errors.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cfa-commit-'));
});

const tree = new Map<string, string>([
  ['package.json', '{}\n'],
  ['server/src/main.ts', 'export {};\n'],
]);

describe('inspectTarget', () => {
  it('reports missing, empty, unused and non-empty directories', async () => {
    expect((await inspectTarget(root, 'app')).state).toBe('missing');
    await mkdir(path.join(root, 'app'));
    expect((await inspectTarget(root, 'app')).state).toBe('empty');
    await mkdir(path.join(root, 'app', '.git'));
    expect((await inspectTarget(root, 'app')).state).toBe('unused');
    await writeFile(path.join(root, 'app', 'notes.txt'), 'mine');
    expect((await inspectTarget(root, 'app')).state).toBe('non-empty');
  });

  it('takes the npm package name from the directory and validates it', async () => {
    expect((await inspectTarget(root, 'nested/my-app')).name).toBe('my-app');
    await expect(inspectTarget(root, 'My App')).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a path that is a file', async () => {
    await writeFile(path.join(root, 'file'), 'x');
    await expect(inspectTarget(root, 'file')).rejects.toBeInstanceOf(TargetDirectoryError);
  });
});

describe('writeTree', () => {
  it('writes the whole tree into a new directory and leaves no staging folder', async () => {
    await writeTree(tree, path.join(root, 'app'));
    expect(await readFile(path.join(root, 'app/server/src/main.ts'), 'utf8')).toBe('export {};\n');
    expect(await readdir(root)).toEqual(['app']);
  });

  it('keeps .git of a directory that holds nothing else', async () => {
    await mkdir(path.join(root, 'app/.git'), { recursive: true });
    await writeFile(path.join(root, 'app/.git/HEAD'), 'ref');
    await writeTree(tree, path.join(root, 'app'));
    expect(await readFile(path.join(root, 'app/.git/HEAD'), 'utf8')).toBe('ref');
    expect(await readFile(path.join(root, 'app/package.json'), 'utf8')).toBe('{}\n');
  });

  it('overwrite: replaces files at the same paths and keeps other files', async () => {
    await mkdir(path.join(root, 'app'));
    await writeFile(path.join(root, 'app/package.json'), 'old');
    await writeFile(path.join(root, 'app/mine.txt'), 'keep');
    const plan = await writeTree(tree, path.join(root, 'app'), { onConflict: 'overwrite' });
    expect(plan.overwrite).toEqual(['package.json']);
    expect(await readFile(path.join(root, 'app/package.json'), 'utf8')).toBe('{}\n');
    expect(await readFile(path.join(root, 'app/mine.txt'), 'utf8')).toBe('keep');
    expect(await readdir(root)).toEqual(['app']);
  });

  it('a failure leaves neither a half-written project nor the staging folder', async () => {
    const broken = new Map([...tree, ['server', 'a file where a folder must be']]);
    await expect(writeTree(broken, path.join(root, 'app'))).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });

  it('never writes outside the project', async () => {
    const escaping = new Map([['../outside.txt', 'x']]);
    await expect(writeTree(escaping, path.join(root, 'app'))).rejects.toBeInstanceOf(TargetDirectoryError);
    expect(await readdir(root)).toEqual([]);
  });

  it('error (the default): a differing file stops everything and names the file', async () => {
    await mkdir(path.join(root, 'app'));
    await writeFile(path.join(root, 'app/package.json'), 'mine');
    const attempt = writeTree(tree, path.join(root, 'app'));
    await expect(attempt).rejects.toBeInstanceOf(FileConflictError);
    await expect(attempt).rejects.toThrow(/package\.json/);
    expect(await readdir(path.join(root, 'app'))).toEqual(['package.json']);
    expect(await readdir(root)).toEqual(['app']);
  });

  it('skips identical files silently, whatever the policy', async () => {
    await mkdir(path.join(root, 'app'));
    await writeFile(path.join(root, 'app/package.json'), '{}\n');
    const plan = await writeTree(tree, path.join(root, 'app'));
    expect(plan).toEqual({ create: ['server/src/main.ts'], overwrite: [], skip: [], identical: ['package.json'] });
  });

  it('skip: keeps the differing file and writes the rest', async () => {
    await mkdir(path.join(root, 'app'));
    await writeFile(path.join(root, 'app/package.json'), 'mine');
    const plan = await writeTree(tree, path.join(root, 'app'), { onConflict: 'skip' });
    expect(plan.skip).toEqual(['package.json']);
    expect(await readFile(path.join(root, 'app/package.json'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(root, 'app/server/src/main.ts'), 'utf8')).toBe('export {};\n');
  });

  it('never follows a symbolic link inside the target', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'cfa-outside-'));
    await mkdir(path.join(root, 'app'));
    await symlink(outside, path.join(root, 'app/server'));
    await expect(writeTree(tree, path.join(root, 'app'), { onConflict: 'overwrite' })).rejects.toThrow(/symbolic link server/);
    expect(await readdir(outside)).toEqual([]);
  });

  it('refuses a target that is itself a symbolic link', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'cfa-outside-'));
    await symlink(outside, path.join(root, 'app'));
    await expect(writeTree(tree, path.join(root, 'app'))).rejects.toThrow(/symbolic link/);
    expect(await readdir(outside)).toEqual([]);
  });
});
