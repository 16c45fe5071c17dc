import { execa } from 'execa';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BIN = path.join(import.meta.dirname, '../../bin/create-fullstack-app.js');

/** Runs the built CLI as a user would, without a terminal, in `cwd`. */
export function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  return execa('node', [BIN, ...args], {
    cwd,
    reject: false,
    stdin: 'ignore',
    env: { CI: 'true', NO_COLOR: '1', npm_config_user_agent: 'npm/11.0.0 node/v20', ...env },
  });
}

export const tempDir = (prefix: string) => mkdtemp(path.join(tmpdir(), `cfa-${prefix}-`));

/** Every file under `dir` (skipping node_modules and .git) with its content. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    if (/(^|\/)(node_modules|\.git)\//.test(relative)) continue;
    files.set(relative, await readFile(full, 'utf8'));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
