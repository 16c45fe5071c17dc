/** Response assertions that fail with the observed status, header or body. */
import { z } from 'zod';
import { describe, excerpt, type HttpResponse } from './http.js';
import { fail } from './runner.js';

export function expectStatus(res: HttpResponse, ...expected: number[]): void {
  if (!expected.includes(res.status)) fail(`expected ${expected.join(' or ')}: ${describe(res)}`);
}

export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 4)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** The JSON body, validated: a mismatch names the field and quotes the body. */
export function bodyOf<T>(res: HttpResponse, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    fail(`${res.request} -> ${res.status}: body is not JSON: ${excerpt(res.text)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) fail(`${res.request} -> ${res.status}: unexpected body (${issuesText(parsed.error)}): ${excerpt(res.text)}`);
  return parsed.data;
}

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  request_id: z.string().min(1),
  errors: z.array(z.object({ path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** An `application/problem+json` error with the given status, whose body agrees with it. */
export function expectProblem(res: HttpResponse, status: number): Problem {
  expectStatus(res, status);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) {
    fail(`${res.request} -> ${res.status}: content-type is "${type || 'missing'}", expected application/problem+json`);
  }
  const problem = bodyOf(res, ProblemSchema);
  if (problem.status !== status) fail(`${res.request}: problem body says status ${problem.status}, the response ${status}`);
  return problem;
}

export function header(res: HttpResponse, name: string): string {
  const value = res.headers.get(name);
  if (value === null) fail(`${res.request} -> ${res.status}: no ${name} header`);
  return value;
}
