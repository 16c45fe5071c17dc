/**
 * The zod schema of every project option, for the answers file and the programmatic API. It is
 * built from plain data, never restated: choices and defaults from `questions.ts`, compatibility
 * and project-name rules from `rules.ts` (which the command line uses without loading zod).
 */
import { z } from 'zod';
import { packageManagers, questionData, type AnswersFile, type OptionKey, type ProjectOptions, type QuestionMeta } from './questions.js';
import { brokenRules, projectNameRule, ruleViolation } from './rules.js';

export { ANSWERS_FILE_NAME, optionKeys, questionData, questionOf } from './questions.js';
export type { AnswersFile, Choice, OptionKey, PackageManager, ProjectOptions, QuestionMeta } from './questions.js';
export { brokenRules, compatibilityRules, type CompatibilityRule } from './rules.js';

/** The zod enum of one option, carrying its question as registry metadata. */
function optionSchema<K extends OptionKey>(key: K) {
  const meta = questionData[key];
  const values = meta.choices.map((c) => c.value) as [ProjectOptions[K], ...ProjectOptions[K][]];
  return z.enum(values).register(questions, meta);
}

/** Zod registry holding interview metadata for each option schema. */
export const questions = z.registry<QuestionMeta>();

export const projectOptionShapes = {
  service: optionSchema('service'),
  backend: optionSchema('backend'),
  frontend: optionSchema('frontend'),
  db: optionSchema('db'),
  api: optionSchema('api'),
  realtime: optionSchema('realtime'),
  auth: optionSchema('auth'),
} satisfies { [K in OptionKey]: ReturnType<typeof optionSchema<K>> };

export const ProjectOptionsSchema = z
  .object(projectOptionShapes)
  .strict()
  .superRefine((options, ctx) => {
    for (const rule of brokenRules(options)) {
      ctx.addIssue({
        code: 'custom',
        path: [rule.options[rule.options.length - 1] ?? 'options'],
        message: ruleViolation(rule, options),
      });
    }
  });

export const PackageManagerSchema = z.enum(packageManagers);

/** Valid npm package name that is also a safe directory name (no scope, no path). */
export const ProjectNameSchema = z
  .string()
  .min(1, projectNameRule.messages.empty)
  .max(projectNameRule.maxLength, projectNameRule.messages.tooLong)
  .regex(projectNameRule.pattern, projectNameRule.messages.pattern)
  .refine((name) => !(projectNameRule.reserved as readonly string[]).includes(name), projectNameRule.messages.reserved);

/** The machine-readable answers file written into every generated project. */
export const AnswersFileSchema = z
  .object({
    $schema: z.string().optional(),
    tool: z.literal('create-fullstack-app'),
    version: z.string(),
    projectName: ProjectNameSchema,
    packageManager: PackageManagerSchema,
    options: ProjectOptionsSchema,
    pack: z.strictObject({ name: z.string().min(1), version: z.string().min(1), source: z.string().min(1) }).optional(),
    extras: z.record(z.string(), z.string()).optional(),
  })
  .strict() satisfies z.ZodType<AnswersFile>;
