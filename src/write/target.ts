import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { TargetDirectoryError, UsageError } from '../errors.js';
import { projectNameProblem } from '../options/rules.js';

export interface Target {
  dir: string;
  /** The npm package name: the directory's base name. */
  name: string;
  /** `unused`: holds only files like `.git` or `.DS_Store`, which are kept. */
  state: 'missing' | 'empty' | 'unused' | 'non-empty';
}

/** Files that do not make a directory "in use" (editors and OSes leave them behind). */
const IGNORABLE = new Set(['.DS_Store', 'Thumbs.db', '.git']);

export function projectNameFrom(dir: string): string {
  const name = path.basename(path.resolve(dir));
  const problem = projectNameProblem(name);
  if (problem !== undefined) throw new UsageError(`"${name}" cannot be the project name: ${problem}`);
  return name;
}

export async function inspectTarget(cwd: string, directory: string): Promise<Target> {
  const dir = path.resolve(cwd, directory);
  const name = projectNameFrom(dir);
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new TargetDirectoryError(`${dir} exists and is not a directory`);
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { dir, name, state: 'missing' };
    throw error;
  }
  const used = entries.filter((e) => !IGNORABLE.has(e));
  const state = entries.length === 0 ? 'empty' : used.length === 0 ? 'unused' : 'non-empty';
  return { dir, name, state };
}
