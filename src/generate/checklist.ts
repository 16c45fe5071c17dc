import type { ProjectOptions } from '../options/questions.js';
import type { FileTree } from './render.js';

/**
 * Every item of the guide's two checklists and its 7 iron rules, with the generated files
 * that implement it for a given set of options, or the reason it does not apply.
 * A test renders every combination and checks each named file exists.
 */
export interface ChecklistItem {
  list: 'backend' | 'integration' | 'hardening' | 'iron-rules';
  item: string;
  implementedBy: (o: ProjectOptions) => string[] | { notApplicable: string };
}

const noClientRest = { notApplicable: 'API-only service: no client is generated; /api/openapi.json is the contract for its consumers.' };
const noClientTrpc = { notApplicable: 'API-only service: no client is generated; the AppRouter type (server/src/trpc/router.ts) is the contract for TypeScript consumers.' };
const noClient = (o: ProjectOptions) => (o.api === 'trpc' ? noClientTrpc : noClientRest);
const trpc = (o: ProjectOptions) => o.api === 'trpc';
/** The client file that sends API calls: the tRPC links or the fetch wrapper. */
const clientCalls = (o: ProjectOptions) => (trpc(o) ? ['client/src/lib/trpc.ts'] : ['client/src/lib/api-client.ts']);
const noAuth = { notApplicable: 'Generated with --auth none: there are no users, tokens or sessions.' };
const verifyOnly = {
  notApplicable:
    'Microservice: it only verifies access tokens the identity provider issues; signing in, refresh tokens and their rotation belong to the identity provider, so this service keeps no session state.',
};
/** The service keeps users and issues tokens itself (auth jwt, except in a verification-only microservice). */
const issuesTokens = (o: ProjectOptions) => o.auth === 'jwt' && o.service !== 'microservice';
/** The service keeps users and signs them in itself: jwt outside a microservice, or session. */
const hasAccounts = (o: ProjectOptions) => o.auth === 'session' || issuesTokens(o);

/** Also recorded in docs/DECISIONS.md (the why of `--auth session`). */
export const noRefreshToken = {
  notApplicable:
    'Generated with --auth session: there is no access token to refresh. The session lives server-side, referenced by an httpOnly SameSite cookie, and ends at its idle or absolute timeout or at logout; a 401 sends the client to the login form (server/src/auth/auth.service.ts, client/src/lib/api-client.ts).',
};

const errorFiles = ['server/src/shared/errors.ts', 'server/src/shared/http/error-handler.ts', 'shared/src/problem.ts'];

export const checklist: readonly ChecklistItem[] = [
  {
    list: 'backend',
    item: 'Project scaffolded with feature-first structure',
    implementedBy: (o) => [
      'server/src/todos/',
      ...(o.auth !== 'none' ? ['server/src/auth/'] : []),
      'server/src/health/',
      'server/src/shared/',
    ],
  },
  {
    list: 'backend',
    item: 'Configuration centralized, env vars validated at startup (fail fast)',
    implementedBy: () => ['server/src/config.ts', '.env.example'],
  },
  { list: 'backend', item: 'Typed error hierarchy defined (not generic Error)', implementedBy: () => ['server/src/shared/errors.ts'] },
  {
    list: 'backend',
    item: 'Global error handler middleware',
    implementedBy: (o) => ['server/src/shared/http/error-handler.ts', ...(trpc(o) ? ['server/src/trpc/errors.ts'] : [])],
  },
  {
    list: 'backend',
    item: 'Structured JSON logging with request ID propagation',
    implementedBy: () => ['server/src/shared/logger.ts', 'server/src/shared/http/request-context.ts'],
  },
  {
    list: 'backend',
    item: 'Database: migrations set up, connection pooling configured',
    implementedBy: () => [
      'server/src/shared/database/migrations.ts',
      'server/src/shared/database/migrator.ts',
      'server/src/shared/database/database.ts',
    ],
  },
  {
    list: 'backend',
    item: 'Input validation on all endpoints (Zod)',
    implementedBy: (o) => ['server/src/shared/http/validate.ts', 'shared/src/todos.ts', ...(trpc(o) ? ['server/src/todos/todo.router.ts'] : [])],
  },
  {
    list: 'backend',
    item: 'Authentication middleware in place',
    implementedBy: (o) =>
      o.auth === 'none'
        ? noAuth
        : ['server/src/auth/auth.middleware.ts', ...(o.auth === 'session' ? ['server/src/auth/csrf.middleware.ts'] : [])],
  },
  { list: 'backend', item: 'Health check endpoints (/health, /ready)', implementedBy: () => ['server/src/health/health.routes.ts', 'server/src/health/readiness.ts'] },
  { list: 'backend', item: 'Graceful shutdown handling (SIGTERM)', implementedBy: () => ['server/src/shared/shutdown.ts', 'server/src/main.ts'] },
  { list: 'backend', item: 'CORS configured (explicit origins, not *)', implementedBy: () => ['server/src/shared/http/security.ts', 'server/src/config.ts'] },
  { list: 'backend', item: 'Security headers (helmet or equivalent)', implementedBy: () => ['server/src/shared/http/security.ts'] },
  { list: 'backend', item: '.env.example committed (no real secrets)', implementedBy: () => ['.env.example', '.gitignore'] },

  {
    list: 'integration',
    item: 'API client configured (typed fetch wrapper + React Query)',
    implementedBy: (o) => (o.frontend === 'none' ? noClient(o) : [...clientCalls(o), 'client/src/features/todos/todos.api.ts']),
  },
  {
    list: 'integration',
    item: 'Base URL from environment variable (not hardcoded)',
    implementedBy: (o) => (o.frontend === 'none' ? noClient(o) : ['client/src/config/env.ts']),
  },
  {
    list: 'integration',
    item: 'Auth token attached to requests automatically',
    implementedBy: (o) => (o.frontend === 'none' ? noClient(o) : o.auth === 'none' ? noAuth : clientCalls(o)),
  },
  {
    list: 'integration',
    item: 'Error handling: API errors mapped to user-facing messages',
    implementedBy: (o) => (o.frontend === 'none' ? noClient(o) : ['client/src/lib/error-messages.ts']),
  },
  {
    list: 'integration',
    item: 'Loading states handled (spinner, not blank screen)',
    implementedBy: (o) => (o.frontend === 'none' ? noClient(o) : ['client/src/features/todos/TodoList.tsx']),
  },
  {
    list: 'integration',
    item: 'Type safety across the boundary (shared types, OpenAPI)',
    implementedBy: (o) => [
      'shared/src/index.ts',
      trpc(o) ? 'server/src/trpc/router.ts' : 'server/src/openapi/openapi.ts',
      ...(o.frontend === 'none' ? [] : clientCalls(o)),
    ],
  },
  {
    list: 'integration',
    item: 'CORS configured with explicit origins (not * in production)',
    implementedBy: () => ['server/src/shared/http/security.ts', '.env.example'],
  },
  {
    list: 'integration',
    item: 'Refresh token flow implemented (httpOnly cookie + transparent retry on 401)',
    implementedBy: (o) =>
      o.auth === 'none'
        ? noAuth
        : o.service === 'microservice'
          ? verifyOnly
          : o.auth === 'session'
            ? noRefreshToken
          : [
            'server/src/auth/auth.service.ts',
            'server/src/auth/refresh-token.repository.ts',
            ...(o.frontend === 'none' ? [] : trpc(o) ? ['client/src/lib/api-client.ts', 'client/src/lib/trpc.ts'] : ['client/src/lib/api-client.ts']),
          ],
  },

  {
    list: 'hardening',
    item: 'Rate limiting on public endpoints (the auth routes)',
    implementedBy: (o) =>
      o.auth === 'none'
        ? noAuth
        : o.service === 'microservice'
          ? { notApplicable: 'Microservice: it has no public sign-in endpoints to brute-force (tokens come from the identity provider); limit its callers at the gateway or service mesh in front of it.' }
          : ['server/src/shared/http/security.ts', 'server/src/app.ts'],
  },
  {
    list: 'hardening',
    item: 'Readiness reports its dependencies (503 when the database fails)',
    implementedBy: () => ['server/src/health/readiness.ts'],
  },
  {
    list: 'hardening',
    item: 'Container image: multi-stage build, production dependencies only, non-root user, health check',
    implementedBy: (o) =>
      o.service === 'microservice'
        ? ['Dockerfile', '.dockerignore', 'server/test/deploy/dockerfile.test.ts']
        : { notApplicable: 'Not a microservice: it runs as one Node.js process (`npm run build && npm start`); --service microservice generates a Dockerfile.' },
  },
  {
    list: 'hardening',
    item: 'Never expose internal errors to clients (no stack trace, generic 500)',
    implementedBy: () => ['server/src/shared/http/error-handler.ts'],
  },
  {
    list: 'hardening',
    item: 'Explicit server timeouts and a bounded request body',
    implementedBy: () => ['server/src/shared/http/http-server.ts', 'server/src/app.ts'],
  },
  {
    list: 'iron-rules',
    item: '1. Organize by FEATURE, not by technical layer',
    implementedBy: (o) => ['server/src/todos/', ...(o.frontend === 'none' ? [] : ['client/src/features/'])],
  },
  {
    list: 'iron-rules',
    item: '2. Controllers never contain business logic',
    implementedBy: (o) => [trpc(o) ? 'server/src/todos/todo.router.ts' : 'server/src/todos/todo.controller.ts', 'server/src/todos/todo.service.ts'],
  },
  {
    list: 'iron-rules',
    item: '3. Services never import HTTP request/response types',
    implementedBy: (o) => ['server/src/todos/todo.service.ts', ...(hasAccounts(o) ? ['server/src/auth/auth.service.ts'] : [])],
  },
  {
    list: 'iron-rules',
    item: '4. All config from env vars, validated at startup, fail fast',
    implementedBy: () => ['server/src/config.ts'],
  },
  {
    list: 'iron-rules',
    item: '5. Every error is typed, logged, and returns consistent format',
    implementedBy: (o) => [...errorFiles, ...(trpc(o) ? ['server/src/trpc/errors.ts'] : [])],
  },
  {
    list: 'iron-rules',
    item: '6. All input validated at the boundary: trust nothing from client',
    implementedBy: () => ['server/src/shared/http/validate.ts', 'shared/src/todos.ts'],
  },
  {
    list: 'iron-rules',
    item: '7. Structured JSON logging with request ID: not console.log',
    implementedBy: () => ['server/src/shared/logger.ts', 'server/src/shared/http/request-context.ts'],
  },
];

const headings: Record<ChecklistItem['list'], string> = {
  backend: 'New backend service checklist',
  integration: 'Frontend-backend integration checklist',
  hardening: 'Production hardening (guide section 13)',
  'iron-rules': 'The 7 iron rules',
};

/** A path names a file, or a folder when it ends with `/`. */
export function pathExists(tree: FileTree, file: string): boolean {
  if (!file.endsWith('/')) return tree.has(file);
  for (const key of tree.keys()) if (key.startsWith(file)) return true;
  return false;
}

/** Files the checklist names that the tree lacks: a template bug, reported by the tests. */
export function missingChecklistFiles(options: ProjectOptions, tree: FileTree): string[] {
  return checklist.flatMap((c) => {
    const impl = c.implementedBy(options);
    return 'notApplicable' in impl ? [] : impl.filter((f) => !pathExists(tree, f)).map((f) => `${c.item}: ${f}`);
  });
}

export function checklistMarkdown(options: ProjectOptions, tree: FileTree): string {
  const sections = (Object.keys(headings) as ChecklistItem['list'][]).map((list) => {
    const rows = checklist
      .filter((c) => c.list === list)
      .map((c) => {
        const impl = c.implementedBy(options);
        if ('notApplicable' in impl) return `- [x] ${c.item}: not applicable. ${impl.notApplicable}`;
        return `- [x] ${c.item}: ${impl.map((f) => `\`${f}\``).join(', ')}`;
      });
    return `## ${headings[list]}\n\n${rows.join('\n')}\n`;
  });
  return `# Checklist\n\nEvery item of the guide's checklists and its 7 iron rules, with the files that implement it in this project. \`npx create-fullstack-app verify\` checks the ones observable at run time.\n\n${sections.join('\n')}`;
}
