/**
 * The bundled CLI embeds the templates precompiled; tests and template authors render them from
 * source. Both must write the same project, for every allowed combination.
 */
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
