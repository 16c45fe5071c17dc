import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { readLayer } from '../../src/generate/template-files.js';
import { validateOptions } from '../../src/api/options.js';
import { AnswersFileSchema } from '../../src/options/schema.js';
import { loadTemplatePack } from '../../src/pack/load.js';
import { parsePackManifest } from '../../src/pack/manifest.js';
import { resolveExtras } from '../../src/pack/compose.js';
import { templateFlag } from '../../src/cli/program.js';
import { UsageError } from '../../src/errors.js';

const examplePack = path.resolve('examples/pack-audit-log');
const question = {
  key: 'ci',
  flag: 'ci',
  message: 'CI?',
  decision: 'CI',
  default: 'github',
  choices: [
    { value: 'github', label: 'GitHub Actions', hint: '', why: 'Runs where the code lives.' },
    { value: 'none', label: 'None', hint: '', why: 'No CI yet.' },
  ],
};
const manifest = (extra: object) => ({ name: 'my-pack', version: '1.0.0', ...extra });
const problemsOf = (json: unknown) => {
  try {
    parsePackManifest(json, 'my-pack/template-pack.json');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('pack manifest', () => {
  it('accepts the example pack', async () => {
    const pack = await loadTemplatePack(examplePack);
    expect(pack).toMatchObject({ name: 'pack-audit-log', version: '1.0.0', source: examplePack });
    expect(pack.layers.map((l) => l.dir)).toEqual(['layers/audit-log', 'layers/audit-docs']);
  });

  it('names the file and the field of every problem', () => {
    expect(problemsOf(manifest({ layers: [{ dir: 'a' }, { dir: 'b', when: { auth: ['oauth'] } }] }))).toBe(
      'my-pack/template-pack.json: layers[1].when.auth[0]: "oauth" is not a choice of --auth (jwt, session, none)',
    );
    expect(problemsOf(manifest({ layers: [{ dir: 'a', when: { colour: ['red'] } }] }))).toMatch(/layers\[0\]\.when\.colour: "colour" is neither a built-in option/);
    expect(problemsOf(manifest({ layers: [{ dir: 'a', replaces: 'auth/oauth' }] }))).toMatch(/layers\[0\]\.replaces: "auth\/oauth" is not a built-in layer/);
    expect(problemsOf({ name: 'x', version: 'one' })).toMatch(/^my-pack\/template-pack\.json: version: use a semver version/);
    expect(problemsOf(manifest({ layers: [{ dir: 'a', colour: 1 }] }))).toMatch(/layers\[0\]: Unrecognized key: "colour"/);
    expect(problemsOf(manifest({ questions: [{ ...question, key: 'auth' }] }))).toMatch(/questions\[0\]\.key: "auth" is already used by a built-in option/);
    expect(problemsOf(manifest({ questions: [{ ...question, flag: 'dry-run' }] }))).toMatch(/questions\[0\]\.flag: --dry-run is already a flag/);
    expect(problemsOf(manifest({ questions: [{ ...question, default: 'gitlab' }] }))).toMatch(/questions\[0\]\.default: "gitlab" is not a choice of --ci/);
  });

  it('lets a layer apply to the pack questions', () => {
    expect(problemsOf(manifest({ questions: [question], layers: [{ dir: 'a', when: { ci: ['github'] } }] }))).toBe('');
    expect(problemsOf(manifest({ questions: [question], layers: [{ dir: 'a', when: { ci: ['gitlab'] } }] }))).toMatch(
      /layers\[0\]\.when\.ci\[0\]: "gitlab" is not a choice of --ci \(github, none\)/,
    );
  });
});

describe('pack folders', () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));
  async function packWith(layers: object[], setup?: (root: string) => Promise<void>) {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'cfa-pack-test-')), 'my-pack');
    roots.push(path.dirname(root));
    await mkdir(path.join(root, 'ok'), { recursive: true });
    await writeFile(path.join(root, 'ok', 'NOTE.md.hbs'), 'pack {{pack.name}} for {{projectName}}\n');
    await setup?.(root);
    await writeFile(path.join(root, 'template-pack.json'), JSON.stringify(manifest({ layers })));
    return root;
  }

  it('refuses layer dirs outside the pack, missing or linked', async () => {
    await expect(loadTemplatePack(await packWith([{ dir: '../ok' }]))).rejects.toThrow(/my-pack\/template-pack\.json: layers\[0\]\.dir: "\.\.\/ok" must be a folder inside the pack/);
    await expect(loadTemplatePack(await packWith([{ dir: '/etc' }]))).rejects.toThrow(/layers\[0\]\.dir: "\/etc" must be a folder inside the pack/);
    await expect(loadTemplatePack(await packWith([{ dir: 'ok' }, { dir: 'gone' }]))).rejects.toThrow(/layers\[1\]\.dir: the folder "gone" does not exist/);
    const linked = await packWith([{ dir: 'out' }], (root) => symlink(tmpdir(), path.join(root, 'out')));
    await expect(loadTemplatePack(linked)).rejects.toThrow(/layers\[0\]\.dir: "out" is a symbolic link/);
  });

  it('names a manifest that is not JSON', async () => {
    const root = await packWith([]);
    await writeFile(path.join(root, 'template-pack.json'), '{ nope');
    await expect(loadTemplatePack(root)).rejects.toThrow(/^my-pack\/template-pack\.json: not valid JSON/);
  });

  it('adds its layers after the built-in ones and replaces a built-in layer in its place', async () => {
    const added = await loadTemplatePack(await packWith([{ dir: 'ok' }]));
    const options = validateOptions({});
    const tree = generate({ projectName: 'app', options, pack: added, secrets: { jwt: 'x' } });
    expect(tree.get('NOTE.md')).toBe('pack my-pack for app\n');

    const replacing = await loadTemplatePack(await packWith([{ dir: 'ok', replaces: 'realtime/sse' }]));
    const replaced = generate({ projectName: 'app', options, pack: replacing, secrets: { jwt: 'x' } });
    const plain = generate({ projectName: 'app', options, secrets: { jwt: 'x' } });
    const sseOnly = [...plain.keys()].filter((f) => !replaced.has(f));
    const sseLayer = readLayer('templates/realtime/sse').map((f) => f.relativePath.replace(/\.hbs$/, ''));
    expect(sseOnly).toEqual(sseLayer.sort());
    expect(replaced.get('NOTE.md')).toBe('pack my-pack for app\n');
  });
});

describe('pack answers', () => {
  it('records the pack and its answers in a valid answers file, and its decisions', async () => {
    const pack = await loadTemplatePack(examplePack);
    const tree = generate({ projectName: 'app', options: validateOptions({}), pack, extras: { audit: 'all' }, secrets: { jwt: 'x' } });
    const answers = AnswersFileSchema.parse(JSON.parse(String(tree.get('create-fullstack-app.json'))));
    expect(answers).toMatchObject({ pack: { name: 'pack-audit-log', version: '1.0.0', source: examplePack }, extras: { audit: 'all' } });
    expect(String(tree.get('docs/DECISIONS.md'))).toContain('## Audit log (pack pack-audit-log)\n\n- **Choice:** Every request');
  });

  it('takes defaults with --yes, asks after the built-in questions, and names the flag without a terminal', async () => {
    const pack = await loadTemplatePack(examplePack);
    expect(await resolveExtras(pack, { given: {}, yes: true })).toEqual({ audit: 'writes' });
    expect(await resolveExtras(pack, { given: {}, yes: false, ask: async () => 'off' })).toEqual({ audit: 'off' });
    await expect(resolveExtras(pack, { given: {}, yes: false })).rejects.toThrow(/--audit <writes\|all\|off> \(pack pack-audit-log\)/);
    await expect(resolveExtras(pack, { given: { audit: 'some' }, yes: true })).rejects.toThrow(UsageError);
    await expect(resolveExtras(pack, { given: { audit: 'some' }, yes: true })).rejects.toThrow(/--audit "some" is not a valid value: choose one of writes, all, off/);
  });

  it('old answers files without a pack stay valid', () => {
    const tree = generate({ projectName: 'app', options: validateOptions({}), secrets: { jwt: 'x' } });
    const answers = JSON.parse(String(tree.get('create-fullstack-app.json'))) as Record<string, unknown>;
    expect(answers).not.toHaveProperty('pack');
    expect(AnswersFileSchema.safeParse(answers).success).toBe(true);
  });

  it('reads --template before the program is built', () => {
    expect(templateFlag(['app', '--template', './p', '--yes'])).toBe('./p');
    expect(templateFlag(['--template=pkg@1'])).toBe('pkg@1');
    expect(templateFlag(['app', '--', '--template', 'x'])).toBeUndefined();
  });
});
