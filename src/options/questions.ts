/**
 * What the interview asks, as plain data: flags, questions, choices with the sentence of why each
 * is chosen, and defaults. `schema.ts` turns it into the zod schema that validates answers; the
 * command line reads it directly, so `--help` and argument parsing load no validator.
 * Adding an option value is one more entry in a `choices` list (plus its rules, in schema.ts).
 */

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

/** Project options in the order the interview asks them. */
export const questionData = {
  service: {
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
      {
        value: 'microservice',
        label: 'Microservice',
        hint: 'API only, stateless, verifies JWTs from your identity provider, ships a Dockerfile',
        why: 'A stateless microservice keeps no sessions or users: it verifies the tokens an identity provider issues, reports every dependency in its readiness check and ships as a container image, so it scales by adding instances.',
      },
    ],
  },
  backend: {
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
      {
        value: 'fastify',
        label: 'Fastify 5',
        hint: 'encapsulated plugins, hooks, schema-validated routes, pino built in',
        why: 'Fastify 5 structures the app as encapsulated plugins with lifecycle hooks, validates every route against its zod schemas before the handler runs, and logs through pino natively.',
      },
    ],
  },
  frontend: {
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
  db: {
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
      {
        value: 'postgres',
        label: 'PostgreSQL',
        hint: 'a server, pooled connections (pg), for several instances',
        why: 'PostgreSQL through a pg connection pool lets several server instances share one database, with row-level locking instead of a single file lock.',
      },
    ],
  },
  api: {
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
      {
        value: 'trpc',
        label: 'tRPC 11',
        hint: 'typed procedures per feature, the client imports the router type; no OpenAPI',
        why: 'tRPC makes the server router type the contract: the client imports it as a type, so a changed procedure breaks the client build with no code generation, and TanStack Query caching comes with it; there is no OpenAPI document because no consumer outside this TypeScript monorepo is expected (choose REST for those).',
      },
    ],
  },
  realtime: {
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
        value: 'ws',
        label: 'WebSocket',
        hint: 'a /ws socket, authenticated at the upgrade, with heartbeat',
        why: 'A WebSocket at /ws pushes the same todo events over one long-lived socket that is authenticated at the upgrade (Origin checked, token in the subprotocol, never the URL) and kept honest by ping/pong, which leaves room for client-to-server messages later.',
      },
      {
        value: 'polling',
        label: 'Polling',
        hint: 'TanStack Query refetches every few seconds, no server push',
        why: 'Polling refetches the todo list every few seconds while the tab is visible: no push channel to run, proxy or authenticate, at the cost of a few seconds of delay and some idle requests.',
      },
      {
        value: 'none',
        label: 'None',
        hint: 'clients see changes on their next fetch',
        why: 'No real-time channel: clients see changes on their next fetch, which keeps the server stateless.',
      },
    ],
  },
  auth: {
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
        value: 'session',
        label: 'Server-side session',
        hint: 'random session id in an httpOnly SameSite cookie, sessions stored in the database, CSRF token',
        why: 'A server-side session in the database, referenced by a random id in an httpOnly SameSite cookie, can be revoked at once (logout, log out everywhere) and keeps every credential out of scripts; a synchronizer CSRF token and an Origin check protect state-changing requests, and there is no refresh token: the idle and absolute expiry of the stored session do its job.',
      },
      {
        value: 'none',
        label: 'None',
        hint: 'todos are shared by everyone',
        why: 'No authentication: every visitor shares one todo list, which suits an internal tool or a prototype behind another gate.',
      },
    ],
  },
} as const satisfies Record<string, QuestionMeta>;

export type OptionKey = keyof typeof questionData;
export const optionKeys = Object.keys(questionData) as OptionKey[];

export type ProjectOptions = { [K in OptionKey]: (typeof questionData)[K]['choices'][number]['value'] };

export function questionOf(key: OptionKey): QuestionMeta {
  return questionData[key];
}

/** The package managers a generated project can be installed with. */
export const packageManagers = ['npm'] as const;
export type PackageManager = (typeof packageManagers)[number];

export const ANSWERS_FILE_NAME = 'create-fullstack-app.json';

/** The machine-readable answers file written into every generated project (validated by schema.ts). */
export interface AnswersFile {
  $schema?: string | undefined;
  tool: 'create-fullstack-app';
  version: string;
  projectName: string;
  packageManager: PackageManager;
  options: ProjectOptions;
  /** The custom template pack the project was generated with (`--template`). */
  pack?: { name: string; version: string; source: string } | undefined;
  /** Answers to the pack's questions, by key. */
  extras?: Record<string, string> | undefined;
}
