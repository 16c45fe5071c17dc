import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@app/shared';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, BadRequestError, InternalError, PayloadTooLargeError, ValidationError } from '../errors.js';
import { runWithRequestContext, type Logger } from '../logger.js';

/** The shape of Fastify's own errors (`@fastify/error`): a code and the status it implies. */
interface FastifyErrorLike {
  code: string;
  statusCode: number;
}

function isFastifyErrorLike(error: unknown): error is FastifyErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'statusCode' in error &&
    typeof error.statusCode === 'number'
  );
}

/** Fastify's client errors whose own message is written for the client. */
const CLIENT_ERROR_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but its content type is JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request body must be application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
};

/**
 * Any thrown value as an AppError: ours keep their meaning, Fastify's own client errors (malformed
 * JSON, body over the limit, unsupported media type, bad URL) keep their 4xx status, anything else
 * is a 500 whose detail stays in the log.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isFastifyErrorLike(error)) {
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      return new BadRequestError('The request body is not valid JSON.');
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new PayloadTooLargeError();
    if (error.code.startsWith('FST_ERR_') && error.statusCode >= 400 && error.statusCode < 500) {
      const title = STATUS_CODES[error.statusCode] ?? 'Client error';
      return new AppError({
        status: error.statusCode,
        code: 'http-error',
        title,
        detail: CLIENT_ERROR_DETAILS[error.code] ?? `${title}.`,
      });
    }
  }
  return new InternalError(error);
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

function sendProblem(reply: FastifyReply, error: AppError, requestId: string): FastifyReply {
  if (error.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
  return reply.status(error.status).type(PROBLEM_CONTENT_TYPE).send(problemFor(error, requestId));
}

/**
 * Every error becomes `application/problem+json`; stacks only ever reach the log. Lifted to the root
 * instance by fastify-plugin, so it covers every plugin (none sets its own), hooks and Fastify's own errors.
 * Requests no route answered get a 404 problem rather than Fastify's default JSON.
 */
const errorHandlingPlugin: FastifyPluginAsync<{ logger: Logger }> = async (app, { logger }) => {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    // Body parsing may run outside the request's async context: re-enter it for these lines.
    runWithRequestContext({ requestId: request.id }, () => {
      if (!appError.isOperational) logger.error({ err: error }, 'unhandled error');
      else if (appError.status >= 500) logger.error({ err: appError }, appError.detail);
      else logger.info({ status: appError.status, code: appError.code, detail: appError.detail }, 'request rejected');
    });
    // A streaming response cannot switch to an error body: end it.
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.end();
      return reply;
    }
    return sendProblem(reply, appError, request.id);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    return sendProblem(
      reply,
      new AppError({
        status: 404,
        code: 'not-found',
        title: 'Not found',
        detail: `No route matches ${request.method} ${path}.`,
      }),
      request.id,
    );
  });
};
export const errorHandling = fp(errorHandlingPlugin, { name: 'error-handling' });
