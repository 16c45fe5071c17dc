/**
 * Step 5, the handoff summary: what was built, how to run it, what is missing, key files.
 * The CLI prints it and the generated README.md embeds it, from this one source.
 */
import type { ProjectOptions } from '../options/questions.js';

export interface Handoff {
  built: string[];
  run: { command: string; what: string }[];
  missing: string[];
  keyFiles: { file: string; what: string }[];
}

function endpoints(o: ProjectOptions): string[] {
  const list = ['`GET /health` (liveness) and `GET /ready` (checks the database, 503 when it fails)'];
  if (o.auth === 'jwt') {
    list.push(
      '`POST /api/auth/register`, `POST /api/auth/login`: `{user, accessToken}` plus a rotating refresh token in an httpOnly cookie',
      '`POST /api/auth/refresh` (reuse of a rotated token revokes its family), `POST /api/auth/logout`, `GET /api/auth/me`',
    );
  }
  if (o.auth === 'session') {
    list.push(
      '`POST /api/auth/register`, `POST /api/auth/login`: `{user, csrfToken}` plus a new server-side session in an httpOnly SameSite=Lax cookie (login replaces the previous session)',
      '`POST /api/auth/logout` (destroys the session), `POST /api/auth/logout-all`, `GET /api/auth/me`, `GET /api/auth/csrf`; every POST/PATCH/DELETE needs `X-CSRF-Token`',
    );
  }
  list.push(
    `\`GET /api/todos?limit=&cursor=\`, \`POST /api/todos\`, \`GET|PATCH|DELETE /api/todos/:id\`${o.auth !== 'none' ? ' (each user sees only their own todos)' : ''}`,
  );
  if (o.realtime === 'sse') list.push('`GET /api/events`: Server-Sent Events `todo.created`, `todo.updated`, `todo.deleted`, with heartbeats');
  if (o.api === 'rest') list.push('`GET /api/openapi.json`: the OpenAPI 3.1 contract, generated from the shared zod schemas');
  return list;
}

export function handoffFor(o: ProjectOptions): Handoff {
  const client = o.frontend !== 'none';
  const built = [
    `An Express 5 ${client ? 'full-stack monolith (API and React client served by one process)' : 'API-only service'} on SQLite, in npm workspaces: \`shared/\` (zod schemas and types both sides use), \`server/\`${client ? ', `client/`' : ''}.`,
    ...endpoints(o),
    'Every item of the guide\'s checklists and its 7 iron rules, each mapped to the file that implements it in `docs/CHECKLIST.md`.',
  ];
  if (client) {
    built.push(
      `A React + Vite + TanStack Query client: typed API client${o.auth === 'jwt' ? ' that attaches the in-memory access token and refreshes it transparently on a 401' : o.auth === 'session' ? ' that sends the session cookie and the CSRF token on every change, and shows the login form on a 401' : ''}, human error messages, field errors next to inputs, loading states, an offline banner${o.realtime === 'sse' ? ', and live updates over SSE with reconnection' : ''}.`,
    );
  }
  const run = [
    { command: 'npm run dev', what: client ? 'API on http://localhost:3000 and the client on http://localhost:5173, both reloading on change' : 'the API on http://localhost:3000, reloading on change' },
    { command: 'npm run build && npm start', what: client ? 'production build, then one process serving the API and the client on http://localhost:3000' : 'production build, then the API on http://localhost:3000' },
    { command: 'npm test', what: 'the project\'s own tests (server unit and integration against a real SQLite file' + (client ? ', client components' : '') + ')' },
    { command: 'npm run db:migrate / npm run db:rollback', what: 'apply pending migrations / undo the latest one' },
  ];
  if (client) {
    run.push({ command: 'npm run test:e2e', what: 'the browser proof: the built app in headless Chromium, two tabs of one user (Chromium from CHROME_PATH or PATH)' });
  }
  if (o.realtime === 'sse' && client) {
    run.push({ command: 'open http://localhost:3000 in two tabs', what: `${o.auth !== 'none' ? 'create an account in one (the other signs in from the same session), then ' : ''}add a todo in one tab and watch it appear in the other` });
  }
  const missing = [
    'HTTPS: terminate TLS in front of the server (a reverse proxy or the platform), then set TRUST_PROXY_HOPS and NODE_ENV=production.',
    'SQLite suits one server process; move to PostgreSQL before running several instances.',
  ];
  if (o.auth !== 'none') missing.push('Email verification, password reset and roles (RBAC) are not generated.');
  if (o.auth === 'none') missing.push('No authentication: anyone who can reach the server can read and change every todo.');
  if (o.realtime === 'sse') missing.push('The event bus is in-process: several server instances need a shared bus (e.g. Redis pub/sub) to fan out events.');
  missing.push('Background jobs, caching and file uploads (guide sections 8-10) are not needed by the example domain and are not generated.');
  const keyFiles = [
    { file: 'docs/DECISIONS.md', what: 'each architectural decision and why' },
    { file: 'docs/CHECKLIST.md', what: 'every checklist item and the file that implements it' },
    { file: '.env.example', what: 'every configuration variable' },
    { file: 'server/src/config.ts', what: 'configuration, validated at start-up' },
    { file: 'server/src/app.ts', what: 'the app factory: middleware order and routes' },
    { file: 'server/src/todos/', what: 'the example feature: controller, service, repository' },
    ...(o.auth === 'jwt' ? [{ file: 'server/src/auth/', what: 'registration, login, token rotation' }] : []),
    ...(o.auth === 'session' ? [{ file: 'server/src/auth/', what: 'registration, login, server-side sessions, CSRF protection' }] : []),
    { file: 'shared/src/', what: 'zod schemas and types shared by server and client' },
    ...(client ? [{ file: 'client/src/lib/api-client.ts', what: 'the typed API client' }] : []),
    { file: 'create-fullstack-app.json', what: 'the answers this project was generated from' },
  ];
  return { built, run, missing, keyFiles };
}

export function handoffMarkdown(h: Handoff): string {
  return [
    '## What was built',
    '',
    ...h.built.map((b) => `- ${b}`),
    '',
    '## How to run',
    '',
    ...h.run.map((r) => `- \`${r.command}\`: ${r.what}`),
    '',
    '## What is missing / next steps',
    '',
    ...h.missing.map((m) => `- ${m}`),
    '',
    '## Key files',
    '',
    ...h.keyFiles.map((k) => `- \`${k.file}\`: ${k.what}`),
    '',
  ].join('\n');
}
