/**
 * The programmatic API as a consumer gets it: the built `dist/index.js` and its declarations,
 * which must name no bundled dependency (the package has none at run time).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';

const root = path.join(import.meta.dirname, '../..');
type Api = typeof import('../../src/index.js');
const api = (await import(path.join(root, 'dist/index.js'))) as Api;

describe('programmatic API (dist/index.js)', () => {
  it('generate is pure: options in, a sorted in-memory tree out', () => {
    const options = api.validateOptions({ service: 'api', auth: 'none' });
    expect(options).toMatchObject({ service: 'api', frontend: 'none', auth: 'none', realtime: 'sse' });
    const tree = api.generate({ projectName: 'lib-app', options, secrets: { jwt: 'x'.repeat(48) } });
    expect(tree.get('server/src/app.ts')?.toString()).toContain('createApp');
    expect(tree.has('client/package.json')).toBe(false);
    expect([...tree.keys()]).toEqual([...tree.keys()].sort());
    expect(JSON.parse(tree.get(api.ANSWERS_FILE_NAME)!.toString())).toMatchObject({ projectName: 'lib-app', options });
  });

  it('validateOptions refuses a combination the rules forbid', () => {
    expect(() => api.validateOptions({ service: 'api', frontend: 'react' })).toThrow(api.UsageError);
  });

  it('writeTree writes into a new directory and honours the conflict policy', async () => {
    const dir = path.join(await tempDir('api'), 'app');
    const tree = new Map([['a.txt', 'one\n']]);
    expect(await api.writeTree(tree, dir)).toEqual({ create: ['a.txt'], overwrite: [], skip: [], identical: [] });
    expect(await api.writeTree(tree, dir)).toMatchObject({ identical: ['a.txt'] });
    await expect(api.writeTree(new Map([['a.txt', 'two\n']]), dir)).rejects.toThrow(api.TargetDirectoryError);
    expect(await api.writeTree(new Map([['a.txt', 'two\n']]), dir, { onConflict: 'overwrite' })).toMatchObject({ overwrite: ['a.txt'] });
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('two\n');
  });

  it('verify refuses a folder this tool did not generate, naming the answers file', async () => {
    await expect(api.verify(await tempDir('not-generated'))).rejects.toThrow(/create-fullstack-app\.json/);
  });

  it('its declarations import nothing but node built-ins and each other', async () => {
    const typesDir = path.join(root, 'dist/types');
    const seen = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await readFile(file, 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
        if (specifier!.startsWith('.')) {
          await visit(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.d.ts')));
        } else {
          expect(builtinModules.includes(specifier!.replace(/^node:/, '')), `${path.relative(typesDir, file)} imports ${specifier}`).toBe(true);
        }
      }
    };
    await visit(path.join(typesDir, 'index.d.ts'));
    await visit(path.join(typesDir, 'testing/index.d.ts'));
    expect(seen.size).toBeGreaterThan(5);
    expect((await readdir(typesDir)).length).toBeGreaterThan(0);
  });
});

type Kit = typeof import('../../src/testing/index.js');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, { import: string }> };
const kit = (await import(path.join(root, pkg.exports['./testing']!.import))) as Kit;

describe('test kit (create-fullstack-app/testing)', () => {
  it('renders the embedded templates into a stable snapshot', () => {
    const files = kit.renderProject({ options: { service: 'api' } });
    kit.assertJsonSubset(files, 'package.json', { name: 'snapshot-app' });
    kit.assertNoFile(files, 'client/package.json');
    expect(kit.renderProject({ options: { service: 'api' } })).toEqual(files);
  });

  it('renders a templates folder given as a path', () => {
    const files = kit.renderProject({ templates: path.join(root, 'templates') });
    expect(kit.assertFile(files, 'server/src/app.ts')).toContain('createApp');
  });
});
