import { ProblemSchema, type Problem } from '@app/shared';
import { expect } from 'vitest';
import { z } from 'zod';
import { send } from './http.js';

/** tRPC's envelope of a successful call. */
const ResultSchema = z.object({ result: z.object({ data: z.unknown() }) });

/** tRPC's envelope of a failed call: our errorFormatter puts the problem in `data.problem`. */
const ErrorEnvelopeSchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.number(),
    data: z.object({ code: z.string(), httpStatus: z.number(), path: z.string().optional(), problem: ProblemSchema }),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>['error'];

/** A query: `GET /api/trpc/<path>?input=<json>`. */
export function query(
  baseUrl: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return send(`${baseUrl}/api/trpc/${path}${search}`, { headers });
}

/** A mutation: `POST /api/trpc/<path>` with the input as the JSON body. */
export function mutate(
  baseUrl: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return send(`${baseUrl}/api/trpc/${path}`, { method: 'POST', json: input, headers });
}

/** The data of a successful call, checked against the contract's schema. */
export async function dataOf<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  expect(response.status).toBe(200);
  return schema.parse(ResultSchema.parse(await response.json()).result.data);
}

/** A failed call: its HTTP status, tRPC code and problem agree, and nothing internal leaks. */
export async function trpcErrorOf(
  response: Response,
  status: number,
  code: string,
): Promise<ErrorEnvelope & { problem: Problem }> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const raw: unknown = await response.json();
  expect(JSON.stringify(raw)).not.toMatch(/\bat .+\.(?:ts|js):\d+/);
  const { error } = ErrorEnvelopeSchema.parse(raw);
  expect(error.data).toMatchObject({ code, httpStatus: status });
  expect(error.data.problem.status).toBe(status);
  expect(error.data.problem.request_id).toBe(response.headers.get('x-request-id'));
  return { ...error, problem: error.data.problem };
}
