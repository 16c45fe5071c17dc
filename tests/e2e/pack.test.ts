/**
 * A custom template pack end to end: the built CLI generates a project with the example pack
 * (`examples/pack-audit-log`), installs it, and the project builds and passes its own tests,
 * including the pack's audit-log test. The small API-only stack keeps it to a couple of minutes;
 * Step 4 is the same as without a pack and is covered by the other e2e tests.
 */
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers.js';

const PACK = path.join(import.meta.dirname, '../../examples/pack-audit-log');

describe('create --template examples/pack-audit-log', () => {
  it(
    'generates with the pack, builds, passes its own tests, and --answers regenerates the same files',
    async () => {
      const cwd = await tempDir('e2e-pack');
      const flags = ['--service', 'api', '--frontend', 'none', '--realtime', 'none', '--auth', 'none', '--audit', 'all'];
      const created = await cli(['app', '--yes', '--template', PACK, ...flags, '--no-git', '--no-verify'], cwd);
      expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
      expect(created.stdout).toMatch(/Audit log \(pack pack-audit-log\): Every request/);
      const dir = path.join(cwd, 'app');
      const answers = JSON.parse(await readFile(path.join(dir, 'create-fullstack-app.json'), 'utf8')) as Record<string, unknown>;
      expect(answers).toMatchObject({ pack: { name: 'pack-audit-log', version: '1.0.0' }, extras: { audit: 'all' } });

      const build = await execa('npm', ['run', 'build'], { cwd: dir, all: true, reject: false });
      expect(build.exitCode, build.all).toBe(0);
      const tests = await execa('npm', ['test'], { cwd: dir, all: true, reject: false });
      expect(tests.exitCode, tests.all).toBe(0);
      expect(tests.all).toMatch(/audit-log\.test\.ts/);

      // the answers file names the pack, so it alone regenerates the same project
      const again = await cli(['again', '--answers', path.join(dir, 'create-fullstack-app.json'), '--dry-run'], cwd);
      expect(again.exitCode, `${again.stdout}\n${again.stderr}`).toBe(0);
      expect(again.stdout).toMatch(/server\/src\/audit\/audit-log\.ts/);
    },
    10 * 60_000,
  );
});
