/**
 * The one source of truth for every project option: flags, prompt choices, defaults,
 * validation, compatibility rules, the answers file and the programmatic API all read it.
 * Adding an option value is a change to one `choice` list (plus its rules, when it has any).
 */
import { z } from 'zod';

export interface Choice<V extends string = string> {
  value: V;
  label: string;
  hint: string;
  /** One sentence recorded in docs/DECISIONS.md when this value is chosen. */
  why: string;
}

export interface QuestionMeta {
  /** Long flag name without dashes, e.g. `service` for `--service`. */
  flag: string;
  /** The question as the interview asks it. */
  message: string;
  /** The guide's Step 1 decision this answer records. */
  decision: string;
  choices: readonly Choice[];
  default: string;
}

/** Zod registry holding interview metadata for each option schema. */
export const questions = z.registry<QuestionMeta>();

function question<const V extends readonly [string, ...string[]]>(
  meta: Omit<QuestionMeta, 'choices' | 'default'> & {
    choices: { readonly [K in keyof V]: Choice<V[K]> };
    default: V[number];
  },
  values: V,
) {
  return z.enum(values).register(questions, meta as QuestionMeta);
}

export const service = question(
  {
    flag: 'service',
    message: 'What kind of service are you building?',
    decision: 'Service type',
    default: 'fullstack',
    choices: [
      {
        value: 'fullstack',
        label: 'Full-stack monolith',
        hint: 'API and React client, served by one process',
        why: 'One deployable serving the API and the built client keeps CORS, cookies and releases simple until scale demands a split.',
      },
      {
        value: 'api',
        label: 'API only',
        hint: 'no client',
        why: 'An API-only service fits when the clients live elsewhere; the OpenAPI document is the contract they build against.',
      },
    ],
  },
  ['fullstack', 'api'],
);

export const backend = question(
  {
    flag: 'backend',
    message: 'Which backend framework?',
    decision: 'Backend framework',
    default: 'express',
    choices: [
      {
        value: 'express',
        label: 'Express 5',
        hint: 'the most widely known Node.js framework',
        why: 'Express 5 is the most widely known Node.js framework, forwards async errors to the global handler, and every middleware the checklists ask for exists for it.',
      },
    ],
  },
  ['express'],
);

export const frontend = question(
  {
    flag: 'frontend',
    message: 'Which frontend?',
    decision: 'Frontend',
    default: 'react',
    choices: [
      {
        value: 'react',
        label: 'React + Vite + TanStack Query',
        hint: 'typed API client, cache and loading states',
        why: 'React with TanStack Query gives server-state caching, loading and error states and invalidation without hand-written stores.',
      },
      {
        value: 'none',
        label: 'None',
        hint: 'API only',
        why: 'No client is generated because the service is API-only.',
      },
    ],
  },
  ['react', 'none'],
);

export const db = question(
  {
    flag: 'db',
    message: 'Which database?',
    decision: 'Database',
    default: 'sqlite',
    choices: [
      {
        value: 'sqlite',
        label: 'SQLite',
        hint: 'embedded, a file, nothing to start',
        why: 'SQLite is embedded in the process (a WebAssembly build, no native compile), so the app runs with nothing else to install or start.',
      },
    ],
  },
  ['sqlite'],
);

export const api = question(
  {
    flag: 'api',
    message: 'How do client and server talk?',
    decision: 'API style and client',
    default: 'rest',
    choices: [
      {
        value: 'rest',
        label: 'REST + OpenAPI',
        hint: 'zod schemas shared by both sides, OpenAPI 3.1 generated from them',
        why: 'REST with an OpenAPI 3.1 document generated from the same zod schemas the client imports gives type safety across the boundary and a contract other consumers can read.',
      },
    ],
  },
  ['rest'],
);

export const realtime = question(
  {
    flag: 'realtime',
    message: 'Real-time updates?',
    decision: 'Real-time method',
    default: 'sse',
    choices: [
      {
        value: 'sse',
        label: 'Server-Sent Events',
        hint: 'server -> client push over plain HTTP',
        why: 'Todo changes flow one way, server to client, so Server-Sent Events push them over plain HTTP with no extra protocol to run.',
      },
      {
        value: 'none',
        label: 'None',
        hint: 'clients see changes on their next fetch',
        why: 'No real-time channel: clients see changes on their next fetch, which keeps the server stateless.',
      },
    ],
  },
  ['sse', 'none'],
);

export const auth = question(
  {
    flag: 'auth',
    message: 'Authentication?',
    decision: 'Auth strategy',
    default: 'jwt',
    choices: [
      {
        value: 'jwt',
        label: 'JWT + refresh token',
        hint: '15-minute access token in memory, rotating refresh token in an httpOnly cookie',
        why: 'A short-lived access token kept in memory plus a rotating, server-stored refresh token in an httpOnly cookie keeps tokens away from scripts and lets a stolen refresh token be detected and revoked.',
      },
      {
        value: 'none',
        label: 'None',
        hint: 'todos are shared by everyone',
        why: 'No authentication: every visitor shares one todo list, which suits an internal tool or a prototype behind another gate.',
      },
    ],
  },
  ['jwt', 'none'],
);

/** Project options in the order the interview asks them. */
export const projectOptionShapes = { service, backend, frontend, db, api, realtime, auth } as const;
export type OptionKey = keyof typeof projectOptionShapes;
export const optionKeys = Object.keys(projectOptionShapes) as OptionKey[];

export type ProjectOptions = { [K in OptionKey]: z.infer<(typeof projectOptionShapes)[K]> };

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
];

export function questionOf(key: OptionKey): QuestionMeta {
  const meta = questions.get(projectOptionShapes[key]);
  if (!meta) throw new Error(`option ${key} has no question metadata`);
  return meta;
}

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

/** The package managers a generated project can be installed with. */
export const PackageManagerSchema = z.enum(['npm']);
export type PackageManager = z.infer<typeof PackageManagerSchema>;

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
  })
  .strict();
export type AnswersFile = z.infer<typeof AnswersFileSchema>;

export const ANSWERS_FILE_NAME = 'create-fullstack-app.json';
