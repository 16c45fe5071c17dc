import { AssertionError } from 'node:assert/strict';
import { unifiedDiff } from '../write/diff.js';
import type { FileSnapshot } from './render.js';

/**
 * The part of prettier's API the kit calls. Authors pass their own `import * as prettier from
 * 'prettier'`, the version the generated projects pin, so the kit bundles no formatter.
 */
export interface Formatter {
  format(source: string, options: Record<string, unknown> & { filepath: string }): Promise<string>;
  getFileInfo(file: string): Promise<{ inferredParser: string | null }>;
}

/**
 * A unified diff per file that the project's own formatter config (its `.prettierrc.json`) would
 * change; files prettier has no parser for are skipped. Empty when the project is formatted.
 */
export async function formattingDiffs(files: FileSnapshot, formatter: Formatter, config?: Record<string, unknown>): Promise<string[]> {
  const options = config ?? (JSON.parse(files['.prettierrc.json'] ?? '{}') as Record<string, unknown>);
  const diffs: string[] = [];
  for (const [file, content] of Object.entries(files)) {
    if (!(await formatter.getFileInfo(file)).inferredParser) continue;
    const formatted = await formatter.format(content, { ...options, filepath: file });
    if (formatted !== content) diffs.push(unifiedDiff(content, formatted, { oldName: `${file} (rendered)`, newName: `${file} (formatted)` }));
  }
  return diffs;
}

/** Fails with the diffs when `npm run format` in the generated project would change any file. */
export async function assertFormatted(files: FileSnapshot, formatter: Formatter): Promise<void> {
  const diffs = await formattingDiffs(files, formatter);
  if (diffs.length > 0) {
    throw new AssertionError({ message: `${diffs.length} rendered file(s) are not formatted:\n${diffs.join('\n')}` });
  }
}
