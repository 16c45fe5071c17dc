/**
 * The per-file conflict prompt: in a terminal with no `--on-conflict`, each existing file that
 * differs gets a question (overwrite, skip, show the diff, overwrite all, skip all, abort).
 * Every answer is collected before anything is written; abort writes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CancelledError } from '../errors.js';
import type { FileTree } from '../generate/render.js';
import { unifiedDiff } from './diff.js';
import { previewWrite } from './commit.js';

export type ConflictAnswer = 'overwrite' | 'skip' | 'diff' | 'overwrite-all' | 'skip-all' | 'abort';

export interface ConflictPrompt {
  /** Asks about one file; `index`/`total` say how far along the list the user is. */
  ask(file: string, index: number, total: number): Promise<ConflictAnswer>;
  /** Shows the diff of one file (then the same file is asked again). */
  show(diff: string, file: string): void;
}

export interface ConflictDecisions {
  /** The tree to write: the generated files minus those the user chose to keep. */
  tree: FileTree;
  overwrite: string[];
  skip: string[];
}

function looksBinary(bytes: Buffer): boolean {
  return bytes.includes(0);
}

/** The diff of the file on disk against the generated one, for the prompt. */
export async function conflictDiff(root: string, file: string, generated: string | Buffer): Promise<string> {
  let existing: Buffer;
  try {
    existing = await readFile(path.join(root, file));
  } catch {
    return `${file} exists and is not a regular file; overwriting it will fail.\n`;
  }
  const next = typeof generated === 'string' ? Buffer.from(generated) : generated;
  if (looksBinary(existing) || looksBinary(next)) return `Binary files differ: ${file} (${existing.length} -> ${next.length} bytes)\n`;
  return unifiedDiff(existing.toString('utf8'), next.toString('utf8'), { oldName: `${file} (yours)`, newName: `${file} (generated)` });
}

/** Asks about every conflicting file of `tree` in `dir`; throws CancelledError on abort. */
export async function decideConflicts(tree: FileTree, dir: string, prompt: ConflictPrompt): Promise<ConflictDecisions> {
  const { target, plan } = await previewWrite(tree, dir, { onConflict: 'skip' });
  const conflicts = plan.skip;
  const overwrite: string[] = [];
  const skip: string[] = [];
  let all: 'overwrite' | 'skip' | undefined;
  for (const [index, file] of conflicts.entries()) {
    let answer: ConflictAnswer = all ?? (await prompt.ask(file, index, conflicts.length));
    while (answer === 'diff') {
      prompt.show(await conflictDiff(target, file, tree.get(file) ?? ''), file);
      answer = await prompt.ask(file, index, conflicts.length);
    }
    if (answer === 'abort') throw new CancelledError('Aborted: nothing was written.');
    if (answer === 'overwrite-all') all = 'overwrite';
    if (answer === 'skip-all') all = 'skip';
    (answer === 'overwrite' || answer === 'overwrite-all' ? overwrite : skip).push(file);
  }
  const kept = new Set(skip);
  return { tree: new Map([...tree].filter(([file]) => !kept.has(file))), overwrite, skip };
}
