import { UsageError } from '../errors.js';
import { optionKeys, type ProjectOptions } from '../options/questions.js';
import { defaultChoice, type PartialOptions } from '../options/resolve.js';
import { ProjectOptionsSchema } from '../options/schema.js';

export { allowedCombinations } from '../options/matrix.js';

/**
 * Complete, validated options from a partial set: missing answers take their defaults (as
 * `--yes` does); an unknown value or a combination the rules refuse throws a UsageError.
 */
export function validateOptions(input: PartialOptions): ProjectOptions {
  const known: PartialOptions = { ...input };
  for (const key of optionKeys) known[key] ??= defaultChoice(key, known);
  const parsed = ProjectOptionsSchema.safeParse(known);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}
