import { optionKeys, questionOf, type ProjectOptions } from './questions.js';
import { brokenRules } from './rules.js';

/** Every combination of option values the compatibility rules allow, in a stable order. */
export function allowedCombinations(): ProjectOptions[] {
  let partials: Record<string, string>[] = [{}];
  for (const key of optionKeys) {
    partials = partials.flatMap((partial) => questionOf(key).choices.map((c) => ({ ...partial, [key]: c.value })));
  }
  return (partials as ProjectOptions[]).filter((options) => brokenRules(options).length === 0);
}

/** A short stable name for a combination, e.g. `fullstack-express-react-sqlite-rest-sse-jwt`. */
export function combinationName(options: ProjectOptions): string {
  return optionKeys.map((key) => options[key]).join('-');
}
