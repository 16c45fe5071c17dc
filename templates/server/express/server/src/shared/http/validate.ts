import type { Request } from 'express';
import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * Boundary validation: controllers parse the body, params and query with the shared zod schemas
 * before anything reaches a service. Express 5 makes `req.query` a read-only getter, so the parsed
 * (coerced, defaulted) value is returned rather than written back onto the request.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
      message: issue.message,
    })),
  );
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.output<S> => parseInput(schema, req.body);
export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.output<S> =>
  parseInput(schema, req.params);
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.output<S> => parseInput(schema, req.query);
