/**
 * The one schema for every project option: validation, compatibility rules, the answers file
 * and the programmatic API all read it; flags, prompt choices and defaults come from the
 * question data registered on it (`questions.ts`).
 */
import { z } from 'zod';
import {
  packageManagers,
  questionData,
  questionOf,
  type AnswersFile,
  type OptionKey,
  type ProjectOptions,
  type QuestionMeta,
} from './questions.js';

export { ANSWERS_FILE_NAME, optionKeys, questionData, questionOf } from './questions.js';
export type { AnswersFile, Choice, OptionKey, PackageManager, ProjectOptions, QuestionMeta } from './questions.js';

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
  {
    options: ['backend', 'auth'],
    allows: (o) => o.backend !== 'fastify' || o.auth !== 'session',
    reason: 'the session adapter is written for Express only so far: use --backend express with --auth session',
  },
  // The Fastify adapters of these capabilities are not written yet; each rule goes with its adapter.
  {
    options: ['backend', 'realtime'],
    allows: (o) => o.backend !== 'fastify' || o.realtime !== 'ws',
    reason: 'the WebSocket gateway is wired into the Express app only so far: use --backend express with --realtime ws',
  },
  {
    options: ['service', 'backend'],
    allows: (o) => o.service !== 'microservice' || o.backend !== 'fastify',
    reason: 'the microservice template (token verification only, readiness per dependency) is written for Express only so far: use --backend express',
  },
];

/** The rules that fail for a complete set of options. */
export function brokenRules(options: ProjectOptions): CompatibilityRule[] {
  return compatibilityRules.filter((rule) => !rule.allows(options));
}

export const ProjectOptionsSchema = z
  .object(projectOptionShapes)
  .strict()
  .superRefine((options, ctx) => {
    for (const rule of brokenRules(options)) {
      ctx.addIssue({
        code: 'custom',
        path: [rule.options[rule.options.length - 1] ?? 'options'],
        message: `${rule.options.map((k) => `--${questionOf(k).flag} ${options[k]}`).join(' with ')} is not allowed: ${rule.reason}`,
      });
    }
  });

export const PackageManagerSchema = z.enum(packageManagers);

/** Valid npm package name that is also a safe directory name (no scope, no path). */
export const ProjectNameSchema = z
  .string()
  .min(1, 'the project name is empty')
  .max(214, 'an npm package name has at most 214 characters')
  .regex(
    /^[a-z0-9][a-z0-9._~-]*$/,
    'use lower-case letters, digits, "-", "_", "." or "~", starting with a letter or digit (it becomes the npm package name)',
  )
  .refine((name) => !['node_modules', 'favicon.ico'].includes(name), 'this name is reserved by npm');

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
