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
  const micro = o.service === 'microservice';
  const list = [
    micro
      ? '`GET /health` (liveness) and `GET /ready` (every dependency with its status and latency, 503 when one fails)'
      : '`GET /health` (liveness) and `GET /ready` (checks the database, 503 when it fails)',
  ];
  if (o.auth === 'jwt' && micro) {
    list.push('Bearer tokens from your identity provider, verified statelessly: signature (HS256, `JWT_SECRET`), `exp`, `iss` (`JWT_ISSUER`) and `aud` (`JWT_AUDIENCE`); no sign-in routes, no cookies');
  } else if (o.auth === 'jwt') {
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
  const own = o.auth !== 'none' ? (micro ? " (owned by the token's `sub`: each caller sees only their own todos)" : ' (each user sees only their own todos)') : '';
  if (o.api === 'trpc') {
    list.push(`tRPC at \`/api/trpc\`: \`todos.list\`, \`todos.get\` (queries), \`todos.create\`, \`todos.update\`, \`todos.remove\` (mutations)${own}; errors carry the problem+json body in \`error.data.problem\``);
    if (o.realtime === 'sse') list.push('`todos.onChange`: a tRPC subscription over Server-Sent Events streaming `todo.created`, `todo.updated`, `todo.deleted`');
    if (o.realtime === 'ws') list.push(`\`todos.onChange\`: a tRPC subscription over the \`/ws\` WebSocket (subprotocol \`trpc.v11\`${wsCredentials(o)}) streaming \`todo.created\`, \`todo.updated\`, \`todo.deleted\`; Origin checked at the upgrade`);
  } else {
    list.push(`\`GET /api/todos?limit=&cursor=\`, \`POST /api/todos\`, \`GET|PATCH|DELETE /api/todos/:id\`${own}`);
    if (o.realtime === 'sse') list.push('`GET /api/events`: Server-Sent Events `todo.created`, `todo.updated`, `todo.deleted`, with heartbeats');
    if (o.realtime === 'ws') {
      list.push(
        `\`/ws\`: a WebSocket (subprotocol \`todo-events.v1\`${wsCredentials(o)}) pushing \`todo.created\`, \`todo.updated\`, \`todo.deleted\`; Origin checked against CORS_ORIGINS at the upgrade, ping/pong heartbeat`,
      );
    }
  }
  if (o.api === 'rest') list.push('`GET /api/openapi.json`: the OpenAPI 3.1 contract, generated from the shared zod schemas');
  return list;
}

/** How a socket authenticates at the upgrade, for the endpoint list. */
function wsCredentials(o: ProjectOptions): string {
  if (o.auth === 'jwt') return ', the access token offered as `bearer.<token>`';
  if (o.auth === 'session') return ', the session cookie; closed with 4401 when the session ends';
  return '';
}

const liveUpdates: Record<ProjectOptions['realtime'], string> = {
  sse: ', and live updates over SSE with reconnection',
  ws: ', and live updates over a WebSocket with reconnection (exponential backoff with jitter)',
  polling: ', and a todo list refetched every few seconds while the tab is visible (polling, no server push)',
  none: '',
};

export function handoffFor(o: ProjectOptions): Handoff {
  const client = o.frontend !== 'none';
  const postgres = o.db === 'postgres';
  const micro = o.service === 'microservice';
  const kind = client ? 'full-stack monolith (API and React client served by one process)' : micro ? 'stateless microservice' : 'API-only service';
  const built = [
    `${o.backend === 'fastify' ? 'A Fastify 5' : 'An Express 5'} ${kind} on ${postgres ? 'PostgreSQL (a pg connection pool)' : 'SQLite'}, in npm workspaces: \`shared/\` (zod schemas and types both sides use), \`server/\`${client ? ', `client/`' : ''}.`,
    ...endpoints(o),
    'Every item of the guide\'s checklists and its 7 iron rules, each mapped to the file that implements it in `docs/CHECKLIST.md`.',
  ];
  if (micro) {
    built.push('A multi-stage `Dockerfile` (production dependencies only, non-root, `HEALTHCHECK` on `/health`, migrations at start) and a `.dockerignore`; `server/test/deploy/dockerfile.test.ts` checks it against the project.');
  }
  if (client) {
    built.push(
      `A React + Vite + TanStack Query client: ${o.api === 'trpc' ? 'tRPC client through @trpc/tanstack-react-query' : 'typed API client'}${o.auth === 'jwt' ? ' that attaches the in-memory access token and refreshes it transparently on a 401' : o.auth === 'session' ? ' that sends the session cookie and the CSRF token on every change, and shows the login form on a 401' : ''}, human error messages, field errors next to inputs, loading states, an offline banner${liveUpdates[o.realtime]}.`,
    );
  }
  const run = [
    ...(postgres
      ? [{ command: 'docker compose up -d', what: 'a local PostgreSQL matching DATABASE_URL in .env (or point DATABASE_URL at any server; `npm run db:migrate` creates the database)' }]
      : []),
    { command: 'npm run dev', what: client ? 'API on http://localhost:3000 and the client on http://localhost:5173, both reloading on change' : 'the API on http://localhost:3000, reloading on change' },
    { command: 'npm run build && npm start', what: client ? 'production build, then one process serving the API and the client on http://localhost:3000' : 'production build, then the API on http://localhost:3000' },
    {
      command: 'npm test',
      what:
        "the project's own tests (server unit and integration against " +
        (postgres ? 'throwaway databases on the PostgreSQL server of TEST_DATABASE_URL, else of .env\'s DATABASE_URL' : 'a real SQLite file') +
        (client ? ', client components' : '') +
        ')',
    },
    { command: 'npm run db:migrate / npm run db:rollback', what: 'apply pending migrations / undo the latest one' },
  ];
  if (micro && o.auth === 'jwt') {
    run.push({
      command: 'npm run build && npm run token -- --sub alice',
      what: 'a development token signed with the local JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE (.env), standing in for the identity provider: `curl -H "Authorization: Bearer $(npm run -s token)" localhost:3000/api/todos`',
    });
  }
  if (micro) {
    run.push({
      command: 'docker build -t app . && docker run --rm -p 3000:3000 --env-file .env -e NODE_ENV=production app',
      what: 'the container image; `.env` is never copied into it, so configuration comes from the environment (here the local `.env`)',
    });
  }
  if (client) {
    run.push({ command: 'npm run test:e2e', what: 'the browser proof: the built app in headless Chromium, two tabs of one user (Chromium from CHROME_PATH or PATH)' });
  }
  if (o.realtime !== 'none' && client) {
    run.push({ command: 'open http://localhost:3000 in two tabs', what: `${o.auth !== 'none' ? 'create an account in one (the other signs in from the same session), then ' : ''}add a todo in one tab and watch it appear in the other` });
  }
  const missing = [
    'HTTPS: terminate TLS in front of the server (a reverse proxy or the platform), then set TRUST_PROXY_HOPS and NODE_ENV=production.',
    postgres
      ? 'PostgreSQL backups, TLS to the database (add sslmode to DATABASE_URL) and a connection pooler (PgBouncer) for many instances are left to the deployment.'
      : 'SQLite suits one server process; move to PostgreSQL (`--db postgres`) before running several instances.',
  ];
  if (o.auth === 'jwt' && micro) {
    missing.push('Tokens are verified with a shared HS256 secret; an identity provider that signs with RS256/ES256 needs its JWKS URL (jose `createRemoteJWKSet`) in `server/src/auth/tokens.ts`.');
    missing.push('Roles and scopes from the token are not checked; add them to `auth.middleware.ts` when routes need them.');
  } else if (o.auth !== 'none') missing.push('Email verification, password reset and roles (RBAC) are not generated.');
  if (o.auth === 'none') missing.push('No authentication: anyone who can reach the server can read and change every todo.');
  if (o.realtime === 'sse' || o.realtime === 'ws') missing.push('The event bus is in-process: several server instances need a shared bus (e.g. Redis pub/sub) to fan out events.');
  if (o.realtime === 'polling') missing.push('Polling has no server push: other tabs see a change within the poll interval (VITE_POLL_INTERVAL_MS, 3 s), and every open tab costs one request per interval.');
  missing.push('Background jobs, caching and file uploads (guide sections 8-10) are not needed by the example domain and are not generated.');
  const keyFiles = [
    { file: 'docs/DECISIONS.md', what: 'each architectural decision and why' },
    { file: 'docs/CHECKLIST.md', what: 'every checklist item and the file that implements it' },
    { file: '.env.example', what: 'every configuration variable' },
    { file: 'server/src/config.ts', what: 'configuration, validated at start-up' },
    { file: 'server/src/app.ts', what: 'the app factory: middleware order and routes' },
    {
      file: 'server/src/todos/',
      what: o.api === 'trpc' ? 'the example feature: tRPC router, service, repository' : 'the example feature: controller, service, repository',
    },
    ...(o.api === 'trpc' ? [{ file: 'server/src/trpc/', what: 'the tRPC instance, context, error mapping and the AppRouter type' }] : []),
    ...(o.auth === 'jwt'
      ? [{ file: 'server/src/auth/', what: micro ? 'access token verification and the dev token script' : 'registration, login, token rotation' }]
      : []),
    ...(o.auth === 'session' ? [{ file: 'server/src/auth/', what: 'registration, login, server-side sessions, CSRF protection' }] : []),
    ...(micro ? [{ file: 'Dockerfile', what: 'the container image build' }] : []),
    { file: 'shared/src/', what: 'zod schemas and types shared by server and client' },
    ...(client
      ? [o.api === 'trpc' ? { file: 'client/src/lib/trpc.ts', what: 'the typed tRPC client and its links' } : { file: 'client/src/lib/api-client.ts', what: 'the typed API client' }]
      : []),
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
