/**
 * The one step that touches the disk: stages the whole tree in a temporary sibling folder,
 * then moves it into place. A failure or Ctrl-C before the move leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TargetDirectoryError } from '../errors.js';
import type { FileTree } from '../generate/render.js';
import type { Target } from './target.js';

function safeJoin(root: string, relative: string): string {
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new TargetDirectoryError(`refusing to write outside the project: ${relative}`);
  return full;
}

/** Creates every folder first, then writes the files concurrently. */
async function writeAll(root: string, tree: FileTree): Promise<void> {
  const files = [...tree].map(([relative, content]) => [safeJoin(root, relative), content] as const);
  const folders = [...new Set(files.map(([file]) => path.dirname(file)))].sort();
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await Promise.all(files.map(([file, content]) => writeFile(file, content, { flag: 'wx' })));
}

/** Moves every staged file over the existing directory, replacing files at the same paths. */
async function mergeInto(staging: string, target: string, tree: FileTree): Promise<void> {
  for (const relative of tree.keys()) {
    const to = safeJoin(target, relative);
    await mkdir(path.dirname(to), { recursive: true });
    await rename(safeJoin(staging, relative), to);
  }
}

export async function commitTree(tree: FileTree, target: Target): Promise<void> {
  const parent = path.dirname(target.dir);
  await mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${target.name}.creating-${randomBytes(4).toString('hex')}`);
  const cleanUp = () => rm(staging, { recursive: true, force: true });
  const onSignal = () => {
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await mkdir(staging);
    await writeAll(staging, tree);
    if (target.state === 'missing' || target.state === 'empty') {
      if (target.state === 'empty') await rmdir(target.dir); // fails, and so keeps, a folder filled meanwhile
      await rename(staging, target.dir);
    } else {
      await mergeInto(staging, target.dir, tree);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}
