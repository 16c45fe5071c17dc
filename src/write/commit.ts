/**
 * The one step that touches the disk: stages the files to write in a temporary sibling folder,
 * then moves them into place. A failure or Ctrl-C before the move leaves nothing behind, and
 * nothing is ever written outside the target or through a symbolic link.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TargetDirectoryError } from '../errors.js';
import type { FileTree } from '../generate/render.js';
import { planWrite, type ConflictPolicy, type WritePlan } from './plan.js';

export type { ConflictPolicy, WritePlan } from './plan.js';

export function safeJoin(root: string, relative: string): string {
  const full = path.resolve(root, relative);
  if (path.isAbsolute(relative) || !full.startsWith(root + path.sep)) {
    throw new TargetDirectoryError(`refusing to write outside the project: ${relative}`);
  }
  return full;
}

/**
 * Creates every folder first (a folder that holds another is created with it), then writes the
 * files: synchronously, half the time of as many concurrent promises, which each cost a thread-pool
 * round trip per open, write and close.
 */
function writeAll(root: string, tree: FileTree): void {
  const files = [...tree].map(([relative, content]) => [safeJoin(root, relative), content] as const);
  const folders = [...new Set(files.map(([file]) => path.dirname(file)))].sort();
  const leaves = folders.filter((folder, i) => !folders[i + 1]?.startsWith(folder + path.sep));
  for (const folder of leaves) mkdirSync(folder, { recursive: true });
  for (const [file, content] of files) writeFileSync(file, content, { flag: 'wx' });
}

/** Moves every staged file into the existing directory, replacing files at the same paths. */
function mergeInto(staging: string, target: string, files: readonly string[]): void {
  for (const relative of files) {
    const to = safeJoin(target, relative);
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(safeJoin(staging, relative), to);
  }
}

type DirectoryState = 'missing' | 'empty' | 'in-use';

function directoryState(dir: string): DirectoryState {
  try {
    const info = lstatSync(dir);
    if (info.isSymbolicLink()) throw new TargetDirectoryError(`${dir} is a symbolic link; refusing to write through it`);
    if (!info.isDirectory()) throw new TargetDirectoryError(`${dir} exists and is not a directory`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  return readdirSync(dir).length === 0 ? 'empty' : 'in-use';
}

export interface WriteOptions {
  /** What to do with an existing file whose content differs: `error` (default) writes nothing. */
  onConflict?: ConflictPolicy;
}

/**
 * What `writeTree` would do, read-only: every file of a new or empty directory is created; in a
 * directory in use each file is sorted by the conflict policy (which may refuse the whole write).
 */
export async function previewWrite(
  tree: FileTree,
  dir: string,
  { onConflict = 'error' }: WriteOptions = {},
): Promise<{ target: string; state: DirectoryState; plan: WritePlan }> {
  const target = path.resolve(dir);
  for (const relative of tree.keys()) safeJoin(target, relative);
  const state = directoryState(target);
  const plan: WritePlan =
    state === 'in-use' ? await planWrite(tree, target, onConflict) : { create: [...tree.keys()], overwrite: [], skip: [], identical: [] };
  return { target, state, plan };
}

/**
 * Writes `tree` into `dir` atomically per file set: into a new or empty directory by one rename,
 * into a directory in use by moving only the files the conflict policy lets through. Identical
 * files are skipped silently. Returns what was done with each file.
 *
 * Synchronous from the staging folder to the move: ~150 small files take a few ms this way, and an
 * asynchronous call would first have to start libuv's thread pool (4 ms here). A signal that
 * arrives meanwhile is held until the write is done or undone, then handled: the run stops with a
 * whole project or none.
 */
export async function writeTree(tree: FileTree, dir: string, options: WriteOptions = {}): Promise<WritePlan> {
  const { target, state, plan } = await previewWrite(tree, dir, options);
  const toWrite = new Map([...plan.create, ...plan.overwrite].map((file) => [file, tree.get(file) ?? '']));

  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(target)}.creating-${randomBytes(4).toString('hex')}`);
  const onSignal = () => process.exit(130);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    mkdirSync(staging);
    let moved = false;
    try {
      writeAll(staging, toWrite);
      if (state === 'in-use') {
        mergeInto(staging, target, [...toWrite.keys()]);
      } else {
        if (state === 'empty') rmdirSync(target); // fails, and so keeps, a folder filled meanwhile
        renameSync(staging, target);
        moved = true;
      }
    } finally {
      // what a merge left (its folders) or a failure left (everything staged)
      if (!moved) rmSync(staging, { recursive: true, force: true });
    }
    // one turn of the event loop, where a signal held during the write is handled
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return plan;
}
