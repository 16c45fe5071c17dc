/**
 * Snapshot tests of rendered trees, in memory, through the test kit template authors use
 * (`create-fullstack-app/testing`). Every allowed combination is rendered; each distinct content of
 * each file is one snapshot under `__files__/`, named by the options it depends on
 * (`server/src/app.ts@auth=jwt,realtime=sse`). A snapshot diff is reviewed like code: it shows
 * exactly which variants a template change touches.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingChecklistFiles } from '../../src/generate/checklist.js';
import { versions } from '../../src/generate/versions.js';
import { fileVariants, pairwiseCombinations, renderMatrix, combinationName } from '../../src/testing/index.js';

const FILES_DIR = path.join(import.meta.dirname, '__files__');
const matrix = renderMatrix();
const pairwise = new Set(pairwiseCombinations().map(combinationName));
const variants = fileVariants(matrix, { representatives: [...pairwise] });

describe.each(matrix.map((entry) => [entry.name, entry] as const))('%s', (_name, { options, files }) => {
  const tree = new Map(Object.entries(files));

  it('implements every checklist item with files that exist', () => {
    expect(missingChecklistFiles(options, tree)).toEqual([]);
  });

  it('pins every dependency to the version map, in JSON that parses', () => {
    for (const file of Object.keys(files).filter((f) => f.endsWith('.json'))) {
      expect(() => JSON.parse(files[file]!), file).not.toThrow();
    }
    for (const file of Object.keys(files).filter((f) => f.endsWith('package.json'))) {
      const pkg = JSON.parse(files[file]!) as Record<string, Record<string, string> | undefined>;
      for (const [dep, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
        if (dep.startsWith('@app/')) continue;
        expect(versions[dep as keyof typeof versions], `${file}: ${dep}`).toBe(version);
      }
    }
  });

  it('has a client exactly when there is a frontend', () => {
    expect(Object.keys(files).some((f) => f.startsWith('client/'))).toBe(options.frontend !== 'none');
  });

  it('leaves no Handlebars expression unrendered', () => {
    const leftovers = Object.entries(files).filter(([, content]) => /\{\{[#/^]?[\w.@ ]+\}\}/.test(content));
    expect(leftovers.map(([file]) => file)).toEqual([]);
  });
});

describe('snapshots', () => {
  it('match every distinct file variant of the matrix', async () => {
    for (const [name, content] of variants) await expect(content).toMatchFileSnapshot(path.join(FILES_DIR, name));
  });

  it('list the files of each pairwise combination', () => {
    const lists = Object.fromEntries(matrix.filter((entry) => pairwise.has(entry.name)).map((entry) => [entry.name, Object.keys(entry.files)]));
    expect(lists).toMatchSnapshot();
  });

  it('keep no obsolete file snapshot', async () => {
    const entries = await readdir(FILES_DIR, { recursive: true, withFileTypes: true }).catch(() => []);
    const stored = entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(FILES_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    const obsolete = stored.filter((file) => !variants.has(file)).sort();
    expect(obsolete, `obsolete snapshots: delete them (git rm) under ${FILES_DIR}`).toEqual([]);
  });
});
