import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TargetDirectoryError } from '../errors.js';
import type { FileTree } from '../generate/render.js';

/** What happens to an existing file whose content differs from the generated one. */
export type ConflictPolicy = 'error' | 'skip' | 'overwrite';
export const CONFLICT_POLICIES: readonly ConflictPolicy[] = ['error', 'skip', 'overwrite'];

export interface WritePlan {
  create: string[];
  overwrite: string[];
  /** Existing files that differ and were kept (`skip`). */
  skip: string[];
  /** Existing files with the same content: nothing to do. */
  identical: string[];
}

/** A conflict under `--on-conflict error`: nothing was written. */
export class FileConflictError extends TargetDirectoryError {
  constructor(readonly files: readonly string[]) {
    super(
      `${files.length} existing file(s) differ from the generated ones; nothing was written:\n${files
        .map((f) => `  ${f}`)
        .join('\n')}\nChoose another directory, or pass --on-conflict skip (keep yours) or --on-conflict overwrite.`,
    );
  }
}

type Existing = 'none' | 'file' | 'other';

/** Refuses any path that goes through a symbolic link; tells what sits at the path itself. */
async function inspect(root: string, relative: string): Promise<Existing> {
  let current = root;
  const parts = relative.split('/');
  for (const [index, part] of parts.entries()) {
    current = path.join(current, part);
    let info;
    try {
      info = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
      throw error;
    }
    if (info.isSymbolicLink()) {
      throw new TargetDirectoryError(`refusing to write through the symbolic link ${parts.slice(0, index + 1).join('/')}`);
    }
    if (index === parts.length - 1) return info.isFile() ? 'file' : 'other';
    if (!info.isDirectory()) return 'other';
  }
  return 'none';
}

/** Sorts every generated file into create / overwrite / skip / identical for a directory in use. */
export async function planWrite(tree: FileTree, root: string, policy: ConflictPolicy): Promise<WritePlan> {
  const plan: WritePlan = { create: [], overwrite: [], skip: [], identical: [] };
  const conflicts: string[] = [];
  for (const [relative, content] of tree) {
    const existing = await inspect(root, relative);
    if (existing === 'none') {
      plan.create.push(relative);
      continue;
    }
    if (existing === 'file') {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      if ((await readFile(path.join(root, relative))).equals(bytes)) {
        plan.identical.push(relative);
        continue;
      }
    } else if (policy === 'overwrite') {
      // a folder (or a file where a folder must be) cannot be replaced by a file without losing data
      throw new TargetDirectoryError(`${relative} exists and is not a file; nothing was written`);
    }
    if (policy === 'overwrite') plan.overwrite.push(relative);
    else if (policy === 'skip') plan.skip.push(relative);
    else conflicts.push(relative);
  }
  if (conflicts.length > 0) throw new FileConflictError(conflicts);
  return plan;
}
