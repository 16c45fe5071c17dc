/**
 * The pack's own tests, written with the create-fullstack-app test kit: the manifest loads, each
 * answer renders the files it should, and every file the pack adds or changes is a snapshot, so a
 * template edit shows up as a failing snapshot with the exact lines that moved
 * (`npx vitest run -u` accepts it).
 */
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  assertFile,
  assertFormatted,
  assertNoFile,
  loadTemplatePack,
  renderProject,
  type FileSnapshot,
} from 'create-fullstack-app/testing';

const packDir = fileURLToPath(new URL('..', import.meta.url));
const pack = await loadTemplatePack(packDir);
const builtIn = renderProject();

/** The files this pack adds or changes in a project, compared with the same project without it. */
function packFiles(files: FileSnapshot): FileSnapshot {
  return Object.fromEntries(Object.entries(files).filter(([file, content]) => builtIn[file] !== content));
}

describe('pack-audit-log', () => {
  it('asks one question, --audit, defaulting to writes', () => {
    expect(pack.questions.map((q) => [q.flag, q.default])).toEqual([['audit', 'writes']]);
  });

  it.each(['writes', 'all'])('--audit %s adds the audit log and routes the access log through it', (audit) => {
    const files = renderProject({ pack, extras: { audit } });
    assertFile(files, 'server/src/audit/audit-log.ts', audit === 'all' ? /return true;/ : /WRITE_METHODS/);
    assertFile(files, 'server/src/shared/http/access-log.ts', /createAuditRecorder\(logger\)/);
    assertFile(files, 'docs/DECISIONS.md', /## Audit log \(pack pack-audit-log\)/);
  });

  it('--audit off leaves the project as it is, except for the recorded answer', () => {
    const files = renderProject({ pack, extras: { audit: 'off' } });
    assertNoFile(files, 'server/src/audit/audit-log.ts');
    expect(Object.keys(packFiles(files))).toEqual(['create-fullstack-app.json', 'docs/DECISIONS.md']);
  });

  it.each(['writes', 'all'])('renders files the project\'s own formatter leaves unchanged (--audit %s)', async (audit) => {
    await assertFormatted(renderProject({ pack, extras: { audit } }), prettier);
  });

  it.each(['writes', 'all', 'off'])('snapshot of every file the pack adds or changes (--audit %s)', (audit) => {
    for (const [file, content] of Object.entries(packFiles(renderProject({ pack, extras: { audit } })))) {
      // The answers file records where the pack was loaded from: a path that differs per checkout.
      expect(content.replaceAll(packDir, '<pack>/')).toMatchSnapshot(file);
    }
  });
});
