import { optionKeys, questionOf, type ProjectOptions } from '../options/questions.js';

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

export interface Decision {
  decision: string;
  choice: string;
  options: readonly string[];
  why: string;
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
    return {
      decision: meta.decision,
      choice: chosen.label,
      options: meta.choices.map((c) => c.label),
      why: chosen.why,
    };
  });
  return [...answered, ...derivedDecisions(options), ...fixedDecisions];
}

export function decisionsMarkdown(options: ProjectOptions): string {
  const sections = decisionsFor(options).map(
    (d) =>
      `## ${d.decision}\n\n- **Choice:** ${d.choice}\n- **Options considered:** ${d.options.join(', ')}\n- **Why:** ${d.why}\n`,
  );
  return `# Architecture decisions\n\nRecorded by create-fullstack-app at generation (the guide's Step 1). The answers that produced them are in \`create-fullstack-app.json\`; \`npx create-fullstack-app <dir> --answers create-fullstack-app.json\` generates the same project again.\n\n${sections.join('\n')}`;
}
