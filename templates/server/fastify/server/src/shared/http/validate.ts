import type {
  FastifyRequest,
  FastifySchema,
  FastifySchemaCompiler,
  FastifyTypeProvider,
  RouteGenericInterface,
} from 'fastify';
import type { IncomingMessage, Server } from 'node:http';
import { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * Zod as Fastify's type provider: a route's `schema: { body, params, querystring }` holds the shared
 * zod schemas, its handler sees their parsed output types, and the validator compiler below runs
 * them before the handler. A dozen lines of our own rather than a plugin, so the zod major and
 * Fastify's validation hook are the only moving parts.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  readonly validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  readonly serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** The request of a route whose `schema` is `S`: body, params and query typed as their schemas' output. */
export type ZodRequest<S extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  Server,
  IncomingMessage,
  S,
  ZodTypeProvider
>;

/** Input checked against a schema: its parsed value, or a ValidationError locating each problem (422). */
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

/**
 * Boundary validation for every route part that declares a schema. The parsed (coerced, defaulted)
 * value replaces the raw one on the request; a failure is our ValidationError, which the error
 * handler answers as a 422 problem with the path of each invalid field.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  if (!(schema instanceof z.ZodType)) throw new Error('route schemas must be zod schemas');
  return (data: unknown) => {
    try {
      return { value: parseInput(schema, data) };
    } catch (error) {
      if (error instanceof ValidationError) return { error };
      throw error;
    }
  };
};

/**
 * Fastify's `schemaController` option. Its defaults load Ajv and fast-json-stringify when the
 * instance is created (a tenth of the start-up time) although no route uses them: every route
 * validates with zod (`setValidatorCompiler` above) and declares no response schema, so answers are
 * plain `JSON.stringify`, as in Express.
 */
export const zodSchemaController = {
  compilersFactory: {
    buildValidator: (): never => {
      throw new Error('route schemas are validated with zod: call setValidatorCompiler(zodValidatorCompiler)');
    },
    buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
  },
};
