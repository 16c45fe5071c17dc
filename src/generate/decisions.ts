import { optionKeys, questionOf, type OptionKey, type ProjectOptions } from '../options/questions.js';

/** Decisions the guide's Step 1 fixes for every project, whatever the answers. */
const fixedDecisions = [
  {
    decision: 'Project structure',
    choice: 'Feature-first',
    options: ['Feature-first', 'Layer-first'],
    why: 'Folders per feature (todos, auth, health) keep a change in one place, and each feature holds its own controller, service and repository.',
  },
  {
    decision: 'Error handling',
    choice: 'Typed error hierarchy + global handler',
    options: ['Typed error hierarchy + global handler', 'Ad-hoc try/catch per route'],
    why: 'Every failure is an AppError subclass turned into application/problem+json by one handler, so clients get one consistent shape and no stack trace leaks.',
  },
] as const;

/** Decisions a microservice adds: how it is called, shipped and probed. */
const microserviceDecisions = [
  {
    decision: 'CORS for a microservice',
    choice: 'No browser origin by default; explicit origins without credentials when CORS_ORIGINS lists some',
    options: ['No browser origin by default', 'Explicit origins with credentials', 'Any origin (*)'],
    why: 'Service-to-service callers send no Origin header and need no CORS; a browser app calling it directly is listed in CORS_ORIGINS, and credentials stay off because the service sets no cookies (the bearer token travels in a header).',
  },
  {
    decision: 'Deployment',
    choice: 'Container image (multi-stage Dockerfile)',
    options: ['Container image (multi-stage Dockerfile)', 'Node.js process on a host'],
    why: 'A stateless service scales by running more identical containers: the image holds only the production dependencies, runs as a non-root user, applies migrations at start like `npm start`, and its HEALTHCHECK probes liveness while the orchestrator probes /ready.',
  },
] as const;

/** The JWT answer means something else in a microservice: it verifies tokens, it does not issue them. */
const verificationOnlyJwt = {
  choice: 'JWT verification (tokens issued by an identity provider)',
  why: 'The service only verifies HS256 access tokens (signature, exp, iss and aud from JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE) and owns todos by the token subject: no users table, no sign-in or refresh routes, no cookies, so every instance can check a token without shared state.',
};

export interface Decision {
  decision: string;
  choice: string;
  options: readonly string[];
  why: string;
}

/** The label of an answer as this project means it (JWT in a microservice is verification only). */
export function answerLabel(options: ProjectOptions, key: OptionKey): string {
  if (key === 'auth' && options.auth === 'jwt' && options.service === 'microservice') return verificationOnlyJwt.choice;
  return questionOf(key).choices.find((c) => c.value === options[key])?.label ?? options[key];
}

/** Decisions that follow from one answer and deserve their own record. */
function derivedDecisions(options: ProjectOptions): Decision[] {
  if (options.api !== 'trpc') return [];
  const decisions: Decision[] = [
    {
      decision: 'API contract document',
      choice: 'None: the AppRouter type is the contract',
      options: ['None: the AppRouter type is the contract', 'OpenAPI generated from the procedures'],
      why: 'The client imports the router type, so client and server cannot drift without a compile error; an OpenAPI document would describe RPC calls no other consumer uses and add a generator to keep in step. Choose --api rest when non-TypeScript consumers need a contract.',
    },
  ];
  if (options.auth === 'none') return decisions;
  return [
    ...decisions,
    {
      decision: 'Authentication endpoints with tRPC',
      choice: 'Plain HTTP routes under /api/auth',
      options: ['Plain HTTP routes under /api/auth', 'tRPC procedures'],
      why: 'Register, login, refresh and logout set and read the httpOnly refresh cookie and are rate limited per IP: both are simplest on plain routes, and the refresh path stays narrow (Path=/api/auth). Everything called with the bearer token is a tRPC procedure.',
    },
  ];
}

export function decisionsFor(options: ProjectOptions): Decision[] {
  const answered = optionKeys.map((key): Decision => {
    const meta = questionOf(key);
    const chosen = meta.choices.find((c) => c.value === options[key]);
    if (!chosen) throw new Error(`no choice ${options[key]} for ${key}`);
    const verifyOnly = key === 'auth' && chosen.value === 'jwt' && options.service === 'microservice';
    return {
      decision: meta.decision,
      choice: verifyOnly ? verificationOnlyJwt.choice : chosen.label,
      options: meta.choices.map((c) => c.label),
      why: verifyOnly ? verificationOnlyJwt.why : chosen.why,
    };
  });
  return [...answered, ...derivedDecisions(options), ...fixedDecisions, ...(options.service === 'microservice' ? microserviceDecisions : [])];
}

export function decisionsMarkdown(options: ProjectOptions, extra: readonly Decision[] = []): string {
  const sections = [...decisionsFor(options), ...extra].map(
    (d) =>
      `## ${d.decision}\n\n- **Choice:** ${d.choice}\n- **Options considered:** ${d.options.join(', ')}\n- **Why:** ${d.why}\n`,
  );
  return `# Architecture decisions\n\nRecorded by create-fullstack-app at generation (the guide's Step 1). The answers that produced them are in \`create-fullstack-app.json\`; \`npx create-fullstack-app <dir> --answers create-fullstack-app.json\` generates the same project again.\n\n${sections.join('\n')}`;
}
