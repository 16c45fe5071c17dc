import { optionKeys, type OptionKey, type ProjectOptions } from '../options/questions.js';
import type { MatrixEntry } from './render.js';

interface Occurrence {
  options: ProjectOptions;
  content: string;
}

/** True when files of equal `keys` values have equal content. */
function determines(keys: readonly OptionKey[], occurrences: readonly Occurrence[]): boolean {
  const seen = new Map<string, string>();
  for (const { options, content } of occurrences) {
    const id = keys.map((key) => options[key]).join('\0');
    const previous = seen.get(id);
    if (previous !== undefined && previous !== content) return false;
    seen.set(id, content);
  }
  return true;
}

/**
 * The options a file's content depends on: drop each option whose value never changes it. Later
 * options go first, so of two that move together (service and frontend) the earlier one names it.
 */
function dependencyKeys(occurrences: readonly Occurrence[]): OptionKey[] {
  let keys = [...optionKeys];
  for (const key of [...optionKeys].reverse()) {
    const without = keys.filter((k) => k !== key);
    if (determines(without, occurrences)) keys = without;
  }
  return keys;
}

export interface VariantOptions {
  /**
   * A file with more distinct variants than this (generated docs that name every option) is
   * kept only for the combinations in `representatives`, so the snapshot set stays reviewable.
   */
  maxVariantsPerFile?: number;
  /** Combination names whose variants are always kept, e.g. a pairwise set. */
  representatives?: readonly string[];
}

/**
 * Every distinct content of every file across a rendered matrix, once, keyed by the options it
 * depends on: `server/src/app.ts@auth=jwt,realtime=sse`, or the bare path when no option changes
 * it. A template change then shows up as a diff of exactly the variants it touches.
 */
export function fileVariants(matrix: readonly MatrixEntry[], variantOptions: VariantOptions = {}): Map<string, string> {
  const { maxVariantsPerFile = 32, representatives = [] } = variantOptions;
  const keep = new Set(representatives);
  const byPath = new Map<string, Array<Occurrence & { name: string }>>();
  for (const { name, options, files } of matrix) {
    for (const [file, content] of Object.entries(files)) {
      const list = byPath.get(file) ?? [];
      list.push({ name, options, content });
      byPath.set(file, list);
    }
  }
  const variants = new Map<string, string>();
  for (const [file, occurrences] of byPath) {
    const keys = dependencyKeys(occurrences);
    const distinct = new Map<string, Occurrence & { name: string }>();
    for (const occurrence of occurrences) {
      const label = keys.map((key) => `${key}=${occurrence.options[key]}`).join(',');
      if (!distinct.has(label)) distinct.set(label, occurrence);
    }
    const tooMany = distinct.size > maxVariantsPerFile;
    for (const [label, occurrence] of distinct) {
      if (tooMany && !occurrences.some((o) => keep.has(o.name) && keys.every((k) => o.options[k] === occurrence.options[k]))) continue;
      variants.set(label ? `${file}@${label}` : file, occurrence.content);
    }
  }
  return new Map([...variants].sort(([a], [b]) => (a < b ? -1 : 1)));
}
