/**
 * The compatibility rules and the project-name rule, as plain data and functions: the one place
 * each rule lives. The zod schema (`schema.ts`) is built from them for the answers file and the
 * programmatic API; the command line checks flags with them directly, so scaffolding never loads zod.
 */
import { optionKeys, packageManagers, questionOf, type OptionKey, type PackageManager, type ProjectOptions } from './questions.js';

/**
 * A compatibility rule: `allows` is checked only once every option in `options` is known,
 * so the interview can also use the rules to offer only the choices that fit earlier answers.
 */
export interface CompatibilityRule {
  options: readonly OptionKey[];
  allows: (answers: ProjectOptions) => boolean;
  reason: string;
}

export const compatibilityRules: readonly CompatibilityRule[] = [
  {
    options: ['service', 'frontend'],
    allows: (o) => o.service !== 'api' || o.frontend === 'none',
    reason: 'an API-only service has no client: use --frontend none',
  },
  {
    options: ['service', 'frontend'],
    allows: (o) => o.service !== 'fullstack' || o.frontend !== 'none',
    reason: 'a full-stack monolith serves a client: choose a --frontend',
  },
  {
    options: ['service', 'frontend'],
    allows: (o) => o.service !== 'microservice' || o.frontend === 'none',
    reason: 'a microservice is API only and serves no client: use --frontend none',
  },
  {
    options: ['service', 'auth'],
    // Written as an allow-list so every future auth strategy that keeps server-side state is refused.
    allows: (o) => o.service !== 'microservice' || o.auth === 'jwt' || o.auth === 'none',
    reason:
      'a microservice is stateless and allows only --auth jwt (it verifies tokens an identity provider issues) or --auth none; sessions, cookies and user accounts belong to the identity provider or a monolith',
  },
];

/** The rules that fail for a complete set of options. */
export function brokenRules(options: ProjectOptions): CompatibilityRule[] {
  return compatibilityRules.filter((rule) => !rule.allows(options));
}

/** The message of a broken rule for complete options, e.g. `--service api with --frontend react is not allowed: ...`. */
export function ruleViolation(rule: CompatibilityRule, options: ProjectOptions): string {
  return `${rule.options.map((k) => `--${questionOf(k).flag} ${options[k]}`).join(' with ')} is not allowed: ${rule.reason}`;
}

/**
 * Zod-free `ProjectOptionsSchema.parse` for the command line: exactly the option keys, each a
 * value among its choices, no rule broken. Throws the problems joined by `; `. Like zod, returns a
 * new object with the keys in question order (the answers file records them in that order).
 */
export function checkProjectOptions(input: Partial<Record<OptionKey, string>>): ProjectOptions {
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!optionKeys.includes(key as OptionKey)) problems.push(`unknown option "${key}"`);
  }
  for (const key of optionKeys) {
    const choices = questionOf(key).choices.map((c) => c.value);
    const value = input[key];
    if (value === undefined || !choices.includes(value)) problems.push(`${key}: expected one of ${choices.join(', ')}`);
  }
  if (problems.length === 0) problems.push(...brokenRules(input as ProjectOptions).map((rule) => ruleViolation(rule, input as ProjectOptions)));
  if (problems.length > 0) throw new Error(problems.join('; '));
  return Object.fromEntries(optionKeys.map((key) => [key, input[key]])) as ProjectOptions;
}

export function isPackageManager(name: string | undefined): name is PackageManager {
  return packageManagers.some((pm) => pm === name);
}

/** The project name becomes the npm package name and the directory name; checked in this order. */
export const projectNameRule = {
  maxLength: 214,
  pattern: /^[a-z0-9][a-z0-9._~-]*$/,
  reserved: ['node_modules', 'favicon.ico'],
  messages: {
    empty: 'the project name is empty',
    tooLong: 'an npm package name has at most 214 characters',
    pattern:
      'use lower-case letters, digits, "-", "_", "." or "~", starting with a letter or digit (it becomes the npm package name)',
    reserved: 'this name is reserved by npm',
  },
} as const;

/** The first problem with a project name (as `ProjectNameSchema` reports it first), or undefined. */
export function projectNameProblem(name: string): string | undefined {
  const { maxLength, pattern, reserved, messages } = projectNameRule;
  if (name.length < 1) return messages.empty;
  if (name.length > maxLength) return messages.tooLong;
  if (!pattern.test(name)) return messages.pattern;
  if ((reserved as readonly string[]).includes(name)) return messages.reserved;
  return undefined;
}
