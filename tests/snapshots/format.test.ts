/**
 * Generated projects carry their own formatter config (`.prettierrc.json`, `npm run format`).
 * Every file of every allowed combination must already be formatted by it, so a user's first
 * `npm run format` changes nothing and re-rendering a project gives the same bytes as formatting it.
 * `npm run format:templates` fixes what this test finds.
 */
import * as prettier from 'prettier';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { versions } from '../../src/generate/versions.js';
import { formattingDiffs, renderMatrix, type FileSnapshot } from '../../src/testing/index.js';

const matrix = renderMatrix();

describe('the generated formatter config', () => {
  it('is the prettier this repository checks with', () => {
    const require = createRequire(import.meta.url);
    const installed = JSON.parse(readFileSync(require.resolve('prettier/package.json'), 'utf8')) as { version: string };
    expect(versions.prettier).toBe(installed.version);
  });

  it('is part of every project, with format scripts', () => {
    for (const { name, files } of matrix) {
      expect(files['.prettierrc.json'], name).toBeDefined();
      const pkg = JSON.parse(files['package.json']!) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
      expect(pkg.scripts).toMatchObject({ format: 'prettier --write .', 'format:check': 'prettier --check .' });
      expect(pkg.devDependencies.prettier).toBe(versions.prettier);
    }
  });

  it('leaves every rendered file of every allowed combination unchanged', async () => {
    const config = JSON.parse(matrix[0]!.files['.prettierrc.json']!) as Record<string, unknown>;
    const seen = new Set<string>();
    const diffs: string[] = [];
    for (const { name, files } of matrix) {
      // each distinct content of a file once: most files are shared by many combinations
      const fresh: FileSnapshot = {};
      for (const [file, content] of Object.entries(files)) {
        if (seen.has(`${file}\0${content}`)) continue;
        seen.add(`${file}\0${content}`);
        fresh[file] = content;
      }
      for (const diff of await formattingDiffs(fresh, prettier, config)) diffs.push(`in ${name}:\n${diff}`);
    }
    expect(diffs.join('\n'), 'run `npm run format:templates` and review the diff').toBe('');
  }, 120_000);
});
