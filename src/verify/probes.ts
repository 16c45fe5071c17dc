/**
 * Which checklist items (src/generate/checklist.ts, by their exact text) each Step 4 check
 * observes at run time, so the report says what the running app proved, item by item.
 */
const probes: readonly [checkName: string, items: readonly string[]][] = [
  ['throwaway database', ['Database: migrations set up, connection pooling configured']],
  ['migrations', ['Database: migrations set up, connection pooling configured']],
  ['config fails fast', ['Configuration centralized, env vars validated at startup (fail fast)', '4. All config from env vars, validated at startup, fail fast']],
  ['GET /health', ['Health check endpoints (/health, /ready)']],
  ['GET /ready', ['Health check endpoints (/health, /ready)']],
  ['readiness fails without the database', ['Health check endpoints (/health, /ready)', 'Readiness reports its dependencies (503 when the database fails)']],
  ['OpenAPI document', ['Type safety across the boundary (shared types, OpenAPI)']],
  ['validation error 422', ['Input validation on all endpoints (Zod)', '6. All input validated at the boundary: trust nothing from client', '5. Every error is typed, logged, and returns consistent format']],
  ['unknown route 404', ['Global error handler middleware', 'Never expose internal errors to clients (no stack trace, generic 500)']],
  ['x-request-id', ['Structured JSON logging with request ID propagation', '7. Structured JSON logging with request ID: not console.log']],
  ['CORS allows the client origin', ['CORS configured (explicit origins, not *)', 'CORS configured with explicit origins (not * in production)']],
  ['CORS refuses other origins', ['CORS configured (explicit origins, not *)', 'CORS configured with explicit origins (not * in production)']],
  ['security headers', ['Security headers (helmet or equivalent)']],
  ['todos require a bearer token', ['Authentication middleware in place']],
  ['auth flow', ['Refresh token flow implemented (httpOnly cookie + transparent retry on 401)']],
  ['refresh token reuse revokes the family', ['Refresh token flow implemented (httpOnly cookie + transparent retry on 401)']],
  ['todos require a session cookie', ['Authentication middleware in place']],
  ['session flow', ['Authentication middleware in place']],
  ['CSRF token and Origin required on changes', ['Authentication middleware in place']],
  ['session rotated on login', ['Authentication middleware in place']],
  ['logout destroys the session server-side', ['Authentication middleware in place']],
  ['session survives a reload', ['Auth token attached to requests automatically']],
  ['rate-limit headers on /api/auth', ['Rate limiting on public endpoints (the auth routes)']],
  ['expired or foreign tokens 401', ['Authentication middleware in place']],
  ['stateless: no sign-in routes, no cookies', ['CORS configured (explicit origins, not *)']],
  ['event stream requires a token', ['Authentication middleware in place']],
  ['socket requires a token', ['Authentication middleware in place']],
  ['socket requires a session cookie', ['Authentication middleware in place']],
  ['socket requires an allowed origin', ['CORS configured (explicit origins, not *)']],
  ["sign-out closes the session's sockets", ['Authentication middleware in place']],
  ['two tabs stay in sync', ['API client configured (typed fetch wrapper + React Query)', 'Base URL from environment variable (not hardcoded)', 'Auth token attached to requests automatically']],
  ['offline banner, then recovery', ['Error handling: API errors mapped to user-facing messages']],
  ['expired access token refreshed transparently', ['Refresh token flow implemented (httpOnly cookie + transparent retry on 401)']],
  ['in-flight request completes on SIGTERM', ['Graceful shutdown handling (SIGTERM)']],
  ['graceful shutdown on SIGTERM', ['Graceful shutdown handling (SIGTERM)']],
];

/** The checklist items a check (by name, or a name it starts with) observes. */
export function checklistItemsFor(checkName: string): string[] {
  return [...new Set(probes.filter(([name]) => checkName.startsWith(name)).flatMap(([, items]) => items))];
}

export const probedItems = (): string[] => [...new Set(probes.flatMap(([, items]) => items))];
