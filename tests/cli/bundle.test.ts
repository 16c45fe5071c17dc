/**
 * The bundled CLI embeds the templates precompiled; tests and template authors render them from
 * source. Both must write the same project, for every allowed combination.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { allowedCombinations, combinationName } from '../../src/options/matrix.js';
import { optionKeys, questionOf } from '../../src/options/schema.js';
import { TOOL_VERSION } from '../../src/version.js';
import { cli, readTree, tempDir } from './helpers.js';

const maskSecret = (text: string) => text.replace(/^JWT_SECRET=.*$/m, 'JWT_SECRET=<secret>');

describe('bundled templates match the source templates, and --dry-run lists what a real run writes', () => {
  it.each(allowedCombinations().map((o) => [combinationName(o), o] as const))('%s', async (_name, options) => {
    const cwd = await tempDir('bundle');
    const flags = optionKeys.flatMap((key) => [`--${questionOf(key).flag}`, options[key]]);
    const result = await cli(['app', ...flags, '--no-install', '--no-git', '--no-verify'], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    const written = await readTree(path.join(cwd, 'app'));
    const rendered = generate({ projectName: 'app', options });
    expect([...written.keys()]).toEqual([...rendered.keys()]);
    for (const [file, content] of rendered) expect(maskSecret(written.get(file) ?? ''), file).toBe(maskSecret(content.toString()));

    const dry = await cli(['app', ...flags, '--dry-run'], await tempDir('bundle-dry'));
    expect(dry.exitCode, dry.stderr).toBe(0);
    const listed = [...dry.stdout.matchAll(/^│\s+[\d.]+ k?B {2}(\S+)/gm)].map((m) => m[1]).filter((file) => file !== 'total,');
    expect(listed).toEqual([...written.keys()]);
  });
});

describe('the code caches of the template layers and of the CLI chunks', () => {
  it('are written by the first run and reused, unchanged, by the next', async () => {
    const cwd = await tempDir('code-cache');
    const cacheDir = path.join(cwd, 'cache');
    const env = { CREATE_FULLSTACK_APP_CACHE_DIR: cacheDir };
    const run = (dir: string) => cli([dir, '--yes', '--no-install', '--no-git', '--no-verify'], cwd, env);

    expect((await run('first')).exitCode).toBe(0);
    const [v8Dir] = await readdir(cacheDir);
    if (v8Dir === undefined) throw new Error('no cache was written');
    const files = (await readdir(path.join(cacheDir, v8Dir))).sort();
    // the layers of this stack as one script and its code cache; a code cache per chunk the run loaded
    const layers = files.filter((file) => file.startsWith('layers-'));
    expect(layers).toEqual([expect.stringMatching(/^layers-[0-9a-f]{16}\.bin$/), expect.stringMatching(/^layers-[0-9a-f]{16}\.js$/)]);
    const chunks = files.filter((file) => !file.startsWith('layers-'));
    expect(chunks).toContainEqual(expect.stringMatching(/^cli-[0-9a-f]{16}\.bin$/));
    expect(chunks).toContainEqual(expect.stringMatching(/^create-[0-9A-Z]+-[0-9a-f]{16}\.bin$/));
    for (const chunk of chunks) expect(chunk).toMatch(/^[\w-]+-[0-9a-f]{16}\.bin$/);
    const identity = async () =>
      Promise.all(files.map(async (file) => {
        const info = await stat(path.join(cacheDir, v8Dir, file));
        return [file, info.ino, info.mtimeMs];
      }));
    const written = await identity();

    expect((await run('second')).exitCode).toBe(0);
    // V8 accepted every cache: a rejected one would have been replaced by a new file, a missing one added
    expect((await readdir(path.join(cacheDir, v8Dir))).sort()).toEqual(files);
    expect(await identity()).toEqual(written);
    expect([...(await readTree(path.join(cwd, 'second'))).keys()]).toEqual([...(await readTree(path.join(cwd, 'first'))).keys()]);
  });

  it('replaces a cache that V8 rejects, and still runs', async () => {
    const cwd = await tempDir('bad-code-cache');
    const cacheDir = path.join(cwd, 'cache');
    const env = { CREATE_FULLSTACK_APP_CACHE_DIR: cacheDir };
    expect((await cli(['--version'], cwd, env)).exitCode).toBe(0);
    const [v8Dir] = await readdir(cacheDir);
    if (v8Dir === undefined) throw new Error('no cache was written');
    const entry = (await readdir(path.join(cacheDir, v8Dir))).find((file) => /^cli-[0-9a-f]{16}\.bin$/.test(file));
    if (entry === undefined) throw new Error('no cache of the CLI entry chunk');
    await writeFile(path.join(cacheDir, v8Dir, entry), 'not a code cache');

    const result = await cli(['--version'], cwd, env);
    expect([result.exitCode, result.stdout.trim()]).toEqual([0, TOOL_VERSION]);
    expect((await readFile(path.join(cacheDir, v8Dir, entry))).length).toBeGreaterThan(1000);
  });

  it('is not needed: without one the CLI compiles its chunks and writes no cache', async () => {
    const cwd = await tempDir('no-code-cache');
    const cacheDir = path.join(cwd, 'cache');
    const result = await cli(['app', '--yes', '--no-install', '--no-git', '--no-verify'], cwd, {
      CREATE_FULLSTACK_APP_CACHE_DIR: cacheDir,
      CREATE_FULLSTACK_APP_NO_CACHE: '1',
    });
    expect(result.exitCode, result.stderr).toBe(0);
    await expect(stat(cacheDir)).rejects.toThrow(/ENOENT/);
    expect((await readTree(path.join(cwd, 'app'))).has('package.json')).toBe(true);
  });
});
