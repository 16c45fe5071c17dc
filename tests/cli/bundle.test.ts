/**
 * The bundled CLI embeds the templates precompiled; tests and template authors render them from
 * source. Both must write the same project, for every allowed combination.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { allowedCombinations, combinationName } from '../../src/options/matrix.js';
import { optionKeys, questionOf } from '../../src/options/schema.js';
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

describe('the code cache of the template layers', () => {
  it('is written by the first run and reused, unchanged, by the next', async () => {
    const cwd = await tempDir('code-cache');
    const cacheDir = path.join(cwd, 'cache');
    const env = { CREATE_FULLSTACK_APP_CACHE_DIR: cacheDir };
    const run = (dir: string) => cli([dir, '--yes', '--no-install', '--no-git', '--no-verify'], cwd, env);

    expect((await run('first')).exitCode).toBe(0);
    const [v8Dir] = await readdir(cacheDir);
    if (v8Dir === undefined) throw new Error('no cache was written');
    const files = await readdir(path.join(cacheDir, v8Dir));
    expect(files).toEqual([expect.stringMatching(/^layers-[0-9a-f]{16}\.bin$/)]);
    const file = path.join(cacheDir, v8Dir, files[0] ?? '');
    const written = await stat(file);

    expect((await run('second')).exitCode).toBe(0);
    const after = await stat(file);
    // V8 accepted the cache: a rejected one would have been replaced by a new file
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
    expect([...(await readTree(path.join(cwd, 'second'))).keys()]).toEqual([...(await readTree(path.join(cwd, 'first'))).keys()]);
  });
});
