import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { commitTree } from '../../src/write/commit.js';
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

describe('commitTree', () => {
  it('writes the whole tree into a new directory and leaves no staging folder', async () => {
    await commitTree(tree, await inspectTarget(root, 'app'));
    expect(await readFile(path.join(root, 'app/server/src/main.ts'), 'utf8')).toBe('export {};\n');
    expect(await readdir(root)).toEqual(['app']);
  });

  it('keeps .git of a directory that holds nothing else', async () => {
    await mkdir(path.join(root, 'app/.git'), { recursive: true });
    await writeFile(path.join(root, 'app/.git/HEAD'), 'ref');
    await commitTree(tree, await inspectTarget(root, 'app'));
    expect(await readFile(path.join(root, 'app/.git/HEAD'), 'utf8')).toBe('ref');
    expect(await readFile(path.join(root, 'app/package.json'), 'utf8')).toBe('{}\n');
  });

  it('merges into a non-empty directory: same paths replaced, other files kept', async () => {
    await mkdir(path.join(root, 'app'));
    await writeFile(path.join(root, 'app/package.json'), 'old');
    await writeFile(path.join(root, 'app/mine.txt'), 'keep');
    await commitTree(tree, await inspectTarget(root, 'app'));
    expect(await readFile(path.join(root, 'app/package.json'), 'utf8')).toBe('{}\n');
    expect(await readFile(path.join(root, 'app/mine.txt'), 'utf8')).toBe('keep');
    expect(await readdir(root)).toEqual(['app']);
  });

  it('a failure leaves neither a half-written project nor the staging folder', async () => {
    const broken = new Map([...tree, ['server', 'a file where a folder must be']]);
    await expect(commitTree(broken, await inspectTarget(root, 'app'))).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });

  it('never writes outside the project', async () => {
    const escaping = new Map([['../outside.txt', 'x']]);
    await expect(commitTree(escaping, await inspectTarget(root, 'app'))).rejects.toBeInstanceOf(TargetDirectoryError);
    expect(await readdir(root)).toEqual([]);
  });
});
