/**
 * Turns flags, an answers file and interview answers into validated ProjectOptions.
 * Everything here derives from the question data and rules.ts: choices, defaults and rules are
 * never restated, and zod is not loaded.
 */
import { UsageError } from '../errors.js';
import { optionKeys, questionOf, type Choice, type OptionKey, type ProjectOptions } from './questions.js';
import { checkProjectOptions, compatibilityRules } from './rules.js';

export type PartialOptions = Partial<Record<OptionKey, string>>;

/** Choices of `key` that no rule forbids, given the answers already known. */
export function allowedChoices(key: OptionKey, known: PartialOptions): Choice[] {
  return questionOf(key).choices.filter((choice) => {
    const candidate: PartialOptions = { ...known, [key]: choice.value };
    return compatibilityRules.every((rule) => {
      if (!rule.options.includes(key)) return true;
      if (!rule.options.every((k) => candidate[k] !== undefined)) return true;
      return rule.allows(candidate as ProjectOptions);
    });
  });
}

/** The declared default when it fits the known answers, else the first choice that does. */
export function defaultChoice(key: OptionKey, known: PartialOptions): string {
  const allowed = allowedChoices(key, known);
  const declared = questionOf(key).default;
  const choice = allowed.find((c) => c.value === declared) ?? allowed[0];
  if (!choice) {
    throw new UsageError(`--${questionOf(key).flag} has no value that fits ${describeKnown(known)}`);
  }
  return choice.value;
}

function describeKnown(known: PartialOptions): string {
  return Object.entries(known)
    .map(([k, v]) => `--${questionOf(k as OptionKey).flag} ${v}`)
    .join(' ');
}

/** Checks one flag value against its choices; the message names the flag and the allowed values. */
export function checkFlagValue(key: OptionKey, value: string): void {
  const meta = questionOf(key);
  if (!meta.choices.some((c) => c.value === value)) {
    throw new UsageError(
      `--${meta.flag} ${JSON.stringify(value)} is not a valid value: choose one of ${meta.choices.map((c) => c.value).join(', ')}`,
    );
  }
}

/** Checks flags against each other as soon as they are read, naming both flags of a conflict. */
export function checkCombination(given: PartialOptions): void {
  for (const [key, value] of Object.entries(given) as [OptionKey, string][]) checkFlagValue(key, value);
  for (const rule of compatibilityRules) {
    if (!rule.options.every((k) => given[k] !== undefined)) continue;
    if (!rule.allows(given as ProjectOptions)) {
      const flags = rule.options.map((k) => `--${questionOf(k).flag} ${given[k]}`).join(' and ');
      throw new UsageError(`${flags} cannot be combined: ${rule.reason}`);
    }
  }
}

/** Asks one question; returns the chosen value. Supplied by the interview (TTY only). */
export type Ask = (key: OptionKey, choices: Choice[], initial: string) => Promise<string>;

export interface ResolveInput {
  given: PartialOptions;
  /** Take defaults for everything not given, never ask. */
  yes: boolean;
  /** When absent there is no terminal to ask: unanswered questions are an error. */
  ask?: Ask;
}

/** Questions that still need an answer: not given, and with more than one fitting choice. */
export function unansweredQuestions(given: PartialOptions): OptionKey[] {
  const known: PartialOptions = { ...given };
  const open: OptionKey[] = [];
  for (const key of optionKeys) {
    if (known[key] !== undefined) continue;
    if (allowedChoices(key, known).length > 1) open.push(key);
    // assume the default for later rules, so the list does not depend on answers not yet given
    known[key] = defaultChoice(key, known);
  }
  return open;
}

/** `--flag <a|b|c>` for each question still open, as the no-terminal error lists them. */
export function unansweredFlags(given: PartialOptions): string[] {
  return unansweredQuestions(given).map((k) => `--${questionOf(k).flag} <${questionOf(k).choices.map((c) => c.value).join('|')}>`);
}

/** Without a terminal nothing can be asked: one error names every flag still missing. */
export function noTerminalError(flags: readonly string[]): UsageError {
  return new UsageError(
    `no terminal to ask the interview, and these questions have no answer: ${flags.join(', ')}. Pass them as flags, or --yes to take the defaults.`,
  );
}

export async function resolveOptions({ given, yes, ask }: ResolveInput): Promise<ProjectOptions> {
  checkCombination(given);
  if (!yes && !ask) {
    const missing = unansweredFlags(given);
    if (missing.length > 0) throw noTerminalError(missing);
  }
  const known: PartialOptions = { ...given };
  for (const key of optionKeys) {
    if (known[key] !== undefined) continue;
    const choices = allowedChoices(key, known);
    const initial = defaultChoice(key, known);
    known[key] = !yes && ask && choices.length > 1 ? await ask(key, choices, initial) : initial;
  }
  // the same checks as ProjectOptionsSchema, without loading zod on the command line's path
  try {
    return checkProjectOptions(known);
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}
