import { PROBLEM_CONTENT_TYPE, ProblemSchema, type Problem } from '@app/shared';
import { expect } from 'vitest';
import type { z } from 'zod';

export interface SendOptions {
  method?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is. */
  body?: string;
  headers?: Record<string, string>;
}

export function send(url: string, { method = 'GET', json, body, headers = {} }: SendOptions = {}): Promise<Response> {
  const contentType: Record<string, string> = json === undefined ? {} : { 'content-type': 'application/json' };
  return fetch(url, {
    method,
    headers: { ...contentType, ...headers },
    body: json === undefined ? body : JSON.stringify(json),
  });
}

/** The body, checked against the contract's schema. */
export async function bodyOf<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return schema.parse(await response.json());
}

/** The problem+json body of an error response, checked against the shared schema. */
export async function problemOf(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`));
  const raw: unknown = await response.json();
  expect(JSON.stringify(raw)).not.toMatch(/\bat .+\.(?:ts|js):\d+/);
  const problem = ProblemSchema.parse(raw);
  expect(problem.status).toBe(status);
  expect(problem.request_id).toBe(response.headers.get('x-request-id'));
  return problem;
}
