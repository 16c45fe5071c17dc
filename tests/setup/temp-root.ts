/**
 * One temp root per test run: it becomes TMPDIR for the test workers and every process they start
 * (the CLI, npm, the generated projects' own tests), and is removed when the run ends, so a run
 * leaves nothing behind in the system's temp folder, nor a code cache in the user's. CFA_KEEP_TEMP=1
 * keeps it for a post-mortem.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'cfa-tests-'));
  const previous = { TMPDIR: process.env.TMPDIR, CREATE_FULLSTACK_APP_CACHE_DIR: process.env.CREATE_FULLSTACK_APP_CACHE_DIR };
  process.env.TMPDIR = root;
  process.env.CREATE_FULLSTACK_APP_CACHE_DIR = path.join(root, 'code-cache');
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (process.env.CFA_KEEP_TEMP) console.log(`kept the test run's temp folder: ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
