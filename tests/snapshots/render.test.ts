/**
 * Snapshot tests of rendered trees, in memory: the file list and the key files of every allowed
 * combination. A snapshot diff is reviewed like code: it shows exactly what a template change does.
 */
import { describe, expect, it } from 'vitest';
import { missingChecklistFiles } from '../../src/generate/checklist.js';
import { generate } from '../../src/generate/generate.js';
import { versions } from '../../src/generate/versions.js';
import { allowedCombinations, combinationName } from '../../src/options/matrix.js';

const KEY_FILES = [
  'package.json',
  'server/package.json',
  'client/package.json',
  '.env.example',
  '.env',
  'server/src/app.ts',
  'server/src/config.ts',
  'docs/CHECKLIST.md',
  'docs/DECISIONS.md',
  'README.md',
];

const FIXED_SECRET = { jwt: 'snapshot-secret-snapshot-secret-snapshot-secret' };

describe.each(allowedCombinations().map((options) => [combinationName(options), options] as const))('%s', (name, options) => {
  const tree = generate({ projectName: 'snapshot-app', options, secrets: FIXED_SECRET });
  const text = (file: string) => tree.get(file)?.toString();

  it('renders the expected file list', () => {
    expect([...tree.keys()]).toMatchSnapshot();
  });

  it('renders the key files', async () => {
    for (const file of KEY_FILES.filter((f) => tree.has(f))) {
      await expect(text(file)).toMatchFileSnapshot(`__files__/${name}/${file.replaceAll('/', '__')}`);
    }
  });

  it('implements every checklist item with files that exist', () => {
    expect(missingChecklistFiles(options, tree)).toEqual([]);
  });

  it('pins every dependency to the version map', () => {
    for (const file of [...tree.keys()].filter((f) => f.endsWith('package.json'))) {
      const pkg = JSON.parse(text(file)!) as Record<string, Record<string, string> | undefined>;
      for (const [dep, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
        if (dep.startsWith('@app/')) continue;
        expect(versions[dep as keyof typeof versions], `${file}: ${dep}`).toBe(version);
      }
    }
  });

  it('has a client exactly when the service is full-stack', () => {
    expect([...tree.keys()].some((f) => f.startsWith('client/'))).toBe(options.frontend !== 'none');
  });
});
