import { AssertionError, deepEqual } from 'node:assert/strict';
import { treeToVolume } from '../generate/volume.js';
import path from 'node:path';
import type { FileSnapshot } from './render.js';

function fileOf(files: FileSnapshot, file: string): string {
  const content = files[file];
  if (content === undefined) {
    const near = Object.keys(files).filter((f) => path.posix.basename(f) === path.posix.basename(file));
    const hint = near.length > 0 ? ` (same name at: ${near.join(', ')})` : '';
    throw new AssertionError({ message: `expected the rendered project to contain ${file}${hint}` });
  }
  return content;
}

/** The file's content; with `expected`, it must equal the string or match the pattern. */
export function assertFile(files: FileSnapshot, file: string, expected?: string | RegExp): string {
  const content = fileOf(files, file);
  if (typeof expected === 'string' && content !== expected) {
    throw new AssertionError({ message: `${file} differs from the expected content`, actual: content, expected, operator: 'strictEqual' });
  }
  if (expected instanceof RegExp && !expected.test(content)) {
    throw new AssertionError({ message: `${file} does not match ${String(expected)}`, actual: content, expected, operator: 'match' });
  }
  return content;
}

export function assertNoFile(files: FileSnapshot, file: string): void {
  if (files[file] !== undefined) throw new AssertionError({ message: `expected the rendered project not to contain ${file}` });
}

function subsetOf(actual: unknown, subset: unknown): unknown {
  if (Array.isArray(subset) || subset === null || typeof subset !== 'object') return actual;
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return actual;
  const record = actual as Record<string, unknown>;
  return Object.fromEntries(Object.entries(subset).map(([key, value]) => [key, key in record ? subsetOf(record[key], value) : undefined]));
}

/** The file parses as JSON and holds `subset` (objects compared by the subset's keys, deeply). */
export function assertJsonSubset(files: FileSnapshot, file: string, subset: unknown): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileOf(files, file));
  } catch (error) {
    throw new AssertionError({ message: `${file} is not valid JSON: ${(error as Error).message}` });
  }
  try {
    deepEqual(subsetOf(parsed, subset), subset);
  } catch (error) {
    if (!(error instanceof AssertionError)) throw error;
    throw new AssertionError({ message: `${file} does not hold the expected JSON subset`, actual: error.actual, expected: subset, operator: 'deepEqual' });
  }
}

/** What the kit promises of the memfs volume it returns (memfs itself is bundled, not a dependency). */
export interface MemoryVolume {
  readFileSync(file: string, encoding: 'utf8'): string;
  existsSync(file: string): boolean;
  readdirSync(dir: string): unknown[];
  toJSON(): Record<string, string | null>;
}

/** The files in a memfs volume rooted at `/`, for code that wants a file system. */
export function toVolume(files: FileSnapshot): MemoryVolume {
  const volume = treeToVolume(new Map(Object.entries(files)));
  return {
    readFileSync: (file, encoding) => volume.readFileSync(file, encoding).toString(),
    existsSync: (file) => volume.existsSync(file),
    readdirSync: (dir) => volume.readdirSync(dir),
    toJSON: () => volume.toJSON(),
  };
}
