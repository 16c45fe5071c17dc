/**
 * A small unified diff (LCS over lines), enough to show what overwriting one file would change.
 * Bundled rather than a dependency: the CLI ships with none.
 */

/** Above this many line pairs the LCS table would be too large; the diff says so instead. */
const MAX_CELLS = 4_000_000;

export type DiffOp = { kind: ' ' | '-' | '+'; line: string };

export function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line operations turning `a` into `b`: kept (' '), removed ('-') and added ('+'). */
export function diffOps(a: string[], b: string[]): DiffOp[] {
  // trim the common prefix and suffix first: most edits are small and local
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  const ops: DiffOp[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    ops.push(...midA.map((line): DiffOp => ({ kind: '-', line })), ...midB.map((line): DiffOp => ({ kind: '+', line })));
  } else {
    // lcs[i][j]: length of the longest common subsequence of midA[i..] and midB[j..]
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i]! });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        // removals before additions, as `diff -u` prints them
        ops.push({ kind: '-', line: midA[i]! });
        i++;
      } else {
        ops.push({ kind: '+', line: midB[j]! });
        j++;
      }
    }
  }
  ops.push(...a.slice(endA).map((line): DiffOp => ({ kind: ' ', line })));
  return ops;
}

/**
 * `diff -u` style text from `oldText` (the file on disk) to `newText` (the generated one), with
 * `context` unchanged lines around each change; empty when the texts have the same lines.
 */
export function unifiedDiff(oldText: string, newText: string, { oldName = 'a', newName = 'b', context = 3 } = {}): string {
  const ops = diffOps(splitLines(oldText), splitLines(newText));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  // group changes whose context windows touch into one hunk
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const from = Math.max(0, index - context);
    const to = Math.min(ops.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const [from, to] of hunks) {
    let oldLine = 1;
    let newLine = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== '+') oldLine++;
      if (op.kind !== '-') newLine++;
    }
    const body = ops.slice(from, to + 1);
    const oldCount = body.filter((op) => op.kind !== '+').length;
    const newCount = body.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`);
    out.push(...body.map((op) => `${op.kind}${op.line}`));
  }
  return `${out.join('\n')}\n`;
}
