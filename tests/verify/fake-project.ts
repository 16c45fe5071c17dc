/** A fake generated project on disk: package.json, a bundled fake server, a migrate script. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { FakeProcessOptions } from './fake-main.js';

export interface FakeProjectOptions extends FakeProcessOptions {
  buildFails?: boolean;
  migrateFails?: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles fake-main.ts once per test file; returns the bundle's text. */
let bundled: Promise<string> | undefined;
function bundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(here, 'fake-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundled;
}

export async function fakeProject(options: FakeProjectOptions): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cfa-fake-project-'));
  const file = async (name: string, content: string): Promise<void> => {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  };
  const buildScript = options.buildFails ? 'node -e "console.error(\'src/app.ts(3,1): error TS2304\');process.exit(2)"' : 'node -e "0"';
  await file('package.json', JSON.stringify({ name: 'fake', private: true, type: 'module', scripts: { build: buildScript } }));
  await file('fake.json', JSON.stringify(options));
  await file('server/dist/main.js', await bundle());
  await file(
    'server/dist/shared/database/migrate-cli.js',
    options.migrateFails
      ? "console.error('migration 001 failed: table todos exists'); process.exit(1);"
      : // like SQLite: the database file (and its folder) exist once migrated
        "import { mkdirSync, writeFileSync } from 'node:fs'; import path from 'node:path'; const file = process.env.DATABASE_URL.slice('file:'.length); mkdirSync(path.dirname(file), { recursive: true }); writeFileSync(file, ''); console.log('applied 2 migrations');",
  );
  if (options.service === 'fullstack') await file('client/dist/index.html', '<!doctype html><title>fake</title><div id="root"></div>');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
