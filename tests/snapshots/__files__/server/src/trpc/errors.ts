import type { Problem } from '@app/shared';
import { TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { z } from 'zod';
import { AppError, BadRequestError, InternalError, ValidationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/** tRPC's code for each status the error hierarchy uses; anything unlisted is a server error. */
const CODE_BY_STATUS: Readonly<Record<number, TRPC_ERROR_CODE_KEY>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

export function trpcCodeFor(status: number): TRPC_ERROR_CODE_KEY {
  return CODE_BY_STATUS[status] ?? 'INTERNAL_SERVER_ERROR';
}

/** Errors tRPC raises itself (unknown procedure, wrong method, bad JSON...), as AppErrors. */
const TRPC_OWN: Partial<Record<TRPC_ERROR_CODE_KEY, { status: number; code: string; title: string }>> = {
  PARSE_ERROR: { status: 400, code: 'bad-request', title: 'Bad request' },
  BAD_REQUEST: { status: 400, code: 'bad-request', title: 'Bad request' },
  NOT_FOUND: { status: 404, code: 'not-found', title: 'Not found' },
  METHOD_NOT_SUPPORTED: { status: 405, code: 'method-not-allowed', title: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { status: 413, code: 'payload-too-large', title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type', title: 'Unsupported media type' },
  CLIENT_CLOSED_REQUEST: { status: 499, code: 'client-closed-request', title: 'Client closed request' },
};

/**
 * Any error a procedure or tRPC raised, as an AppError: what a service threw keeps its meaning,
 * an input the shared zod schema refused is a 422 with field errors (as with REST), tRPC's own
 * client errors keep their status, and everything else is a generic 500.
 */
export function toAppError(error: TRPCError): AppError {
  const { cause } = error;
  if (cause instanceof AppError) return cause;
  if (cause instanceof z.ZodError) {
    return new ValidationError(
      cause.issues.map((issue) => ({
        path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
        message: issue.message,
      })),
    );
  }
  if (error.code === 'PARSE_ERROR') return new BadRequestError('The request input is not valid JSON.');
  const own = TRPC_OWN[error.code];
  // A TRPCError with a client code and no cause was raised by tRPC: its message describes the request.
  if (own !== undefined && cause === undefined) return new AppError({ ...own, detail: error.message });
  return new InternalError(cause ?? error);
}

export function problemFor(error: AppError, requestId: string | undefined): Problem {
  return {
    type: `urn:problem-type:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    ...(requestId === undefined ? {} : { request_id: requestId }),
    ...(error instanceof ValidationError ? { errors: [...error.fieldErrors] } : {}),
  };
}

/** The error shape clients receive: tRPC's envelope, the HTTP status of the AppError, and its problem. */
export interface AppErrorShape {
  message: string;
  code: (typeof TRPC_ERROR_CODES_BY_KEY)[TRPC_ERROR_CODE_KEY];
  data: { code: TRPC_ERROR_CODE_KEY; httpStatus: number; path?: string; problem: Problem };
}

/**
 * The errorFormatter: replaces tRPC's default shape (which carries the raw message and, in
 * development, the stack) with one built from the AppError only, so internals never leak.
 */
export function formatError(error: TRPCError, path: string | undefined, requestId: string | undefined): AppErrorShape {
  const appError = toAppError(error);
  const code = trpcCodeFor(appError.status);
  return {
    message: appError.detail,
    code: TRPC_ERROR_CODES_BY_KEY[code],
    data: {
      code,
      httpStatus: appError.status,
      ...(path === undefined ? {} : { path }),
      problem: problemFor(appError, requestId),
    },
  };
}

/** One log line per failed call, at the level the REST error handler would use. */
export function logError(logger: Logger, error: TRPCError, path: string | undefined): void {
  const appError = toAppError(error);
  if (!appError.isOperational) logger.error({ err: error.cause ?? error, path }, 'unhandled error');
  else if (appError.status >= 500) logger.error({ err: appError, path }, appError.detail);
  else logger.info({ status: appError.status, code: appError.code, detail: appError.detail, path }, 'request rejected');
}
