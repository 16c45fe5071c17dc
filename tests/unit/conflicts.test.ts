import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import type { FileTree } from '../../src/generate/render.js';
import { writeTree } from '../../src/write/commit.js';
import { decideConflicts, type ConflictAnswer, type ConflictPrompt } from '../../src/write/conflicts.js';
import { unifiedDiff } from '../../src/write/diff.js';

describe('unifiedDiff', () => {
  it('shows changed lines with three lines of context and hunk ranges', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const after = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n');
    expect(unifiedDiff(before, after, { oldName: 'x (yours)', newName: 'x (generated)' })).toBe(
      ['--- x (yours)', '+++ x (generated)', '@@ -2,9 +2,10 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ' i', ' j', '+k', ''].join('\n'),
    );
  });

  it('splits distant changes into hunks and is empty for the same lines', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const changed = lines.map((l, i) => (i === 2 || i === 25 ? `${l}!` : l));
    expect(unifiedDiff(lines.join('\n'), changed.join('\n')).match(/^@@/gm)).toHaveLength(2);
    expect(unifiedDiff('a\nb\n', 'a\r\nb')).toBe('');
    expect(unifiedDiff('', 'new\n')).toContain('@@ -0,0 +1,1 @@\n+new');
  });
});

describe('decideConflicts', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function existing(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'cfa-conflicts-'));
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    return dir;
  }
  const tree: FileTree = new Map([
    ['a.txt', 'generated a\n'],
    ['b.txt', 'generated b\n'],
    ['c.txt', 'generated c\n'],
    ['same.txt', 'same\n'],
    ['new.txt', 'new\n'],
  ]);
  /** A prompt that answers from a script and records what it was asked and shown. */
  function fakePrompt(answers: ConflictAnswer[]): ConflictPrompt & { asked: string[]; shown: string[] } {
    const asked: string[] = [];
    const shown: string[] = [];
    return {
      asked,
      shown,
      async ask(file) {
        asked.push(file);
        const answer = answers.shift();
        if (!answer) throw new Error(`no scripted answer for ${file}`);
        return answer;
      },
      show(diff) {
        shown.push(diff);
      },
    };
  }

  it('asks per differing file only, shows a diff on demand, then writes the answers', async () => {
    const root = await existing({ 'a.txt': 'mine a\n', 'b.txt': 'mine b\n', 'c.txt': 'mine c\n', 'same.txt': 'same\n' });
    const prompt = fakePrompt(['diff', 'overwrite', 'skip', 'overwrite']);
    const decided = await decideConflicts(tree, root, prompt);
    expect(prompt.asked).toEqual(['a.txt', 'a.txt', 'b.txt', 'c.txt']);
    expect(prompt.shown).toEqual(['--- a.txt (yours)\n+++ a.txt (generated)\n@@ -1,1 +1,1 @@\n-mine a\n+generated a\n']);
    expect(decided).toMatchObject({ overwrite: ['a.txt', 'c.txt'], skip: ['b.txt'] });
    await writeTree(decided.tree, root, { onConflict: 'overwrite' });
    expect(await readFile(path.join(root, 'a.txt'), 'utf8')).toBe('generated a\n');
    expect(await readFile(path.join(root, 'b.txt'), 'utf8')).toBe('mine b\n');
    expect(await readFile(path.join(root, 'new.txt'), 'utf8')).toBe('new\n');
  });

  it('overwrite all and skip all answer the remaining files', async () => {
    const root = await existing({ 'a.txt': 'mine a\n', 'b.txt': 'mine b\n', 'c.txt': 'mine c\n' });
    const all = fakePrompt(['skip', 'overwrite-all']);
    expect(await decideConflicts(tree, root, all)).toMatchObject({ overwrite: ['b.txt', 'c.txt'], skip: ['a.txt'] });
    expect(all.asked).toEqual(['a.txt', 'b.txt']);
    expect(await decideConflicts(tree, root, fakePrompt(['skip-all']))).toMatchObject({ overwrite: [], skip: ['a.txt', 'b.txt', 'c.txt'] });
  });

  it('abort writes nothing', async () => {
    const root = await existing({ 'a.txt': 'mine a\n', 'b.txt': 'mine b\n' });
    await expect(decideConflicts(tree, root, fakePrompt(['overwrite', 'abort']))).rejects.toThrow(CancelledError);
    expect(await readFile(path.join(root, 'a.txt'), 'utf8')).toBe('mine a\n');
  });
});
