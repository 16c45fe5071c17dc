import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@app/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, BadRequestError, InternalError, PayloadTooLargeError, ValidationError } from '../errors.js';
import type { Logger } from '../logger.js';

/** The shape body-parser and other http-errors users give their errors. */
interface HttpErrorLike {
  status: number;
  expose?: boolean;
  type?: string;
}

function isHttpErrorLike(error: unknown): error is HttpErrorLike {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number';
}

/** Any thrown value as an AppError: known errors keep their meaning, everything else is a 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isHttpErrorLike(error)) {
    if (error.type === 'entity.parse.failed') return new BadRequestError('The request body is not valid JSON.');
    if (error.type === 'entity.too.large') return new PayloadTooLargeError();
    if (error.expose === true && error.status >= 400 && error.status < 500) {
      const title = STATUS_CODES[error.status] ?? 'Client error';
      return new AppError({ status: error.status, code: 'http-error', title, detail: `${title}.` });
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

/** Last middleware: every error becomes `application/problem+json`; stacks only ever reach the log. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    const appError = toAppError(error);
    if (!appError.isOperational) {
      logger.error({ err: error }, 'unhandled error');
    } else if (appError.status >= 500) {
      logger.error({ err: appError }, appError.detail);
    } else {
      logger.info({ status: appError.status, code: appError.code, detail: appError.detail }, 'request rejected');
    }
    // A streaming response cannot switch to an error body; Express's own handler closes it.
    if (res.headersSent) {
      next(error);
      return;
    }
    if (appError.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(appError.status).type(PROBLEM_CONTENT_TYPE).json(problemFor(appError, res.locals.requestId));
  };
}

/** Requests no route answered: a 404 problem rather than Express's HTML page. */
export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => {
    next(
      new AppError({
        status: 404,
        code: 'not-found',
        title: 'Not found',
        detail: `No route matches ${req.method} ${req.path}.`,
      }),
    );
  };
}
