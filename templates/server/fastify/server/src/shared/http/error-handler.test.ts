import { errorCodes } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  AppError,
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../errors.js';
import { problemFor, toAppError } from './error-handler.js';

describe('error mapping', () => {
  it.each([
    ['NotFoundError', new NotFoundError('Todo', '42'), 404, 'not-found', 'Todo 42 was not found.'],
    [
      'ValidationError',
      new ValidationError([{ path: ['title'], message: 'Required' }]),
      422,
      'validation-failed',
      undefined,
    ],
    ['UnauthorizedError', new UnauthorizedError(), 401, 'unauthorized', 'Authentication is required.'],
    ['ConflictError', new ConflictError('Taken.'), 409, 'conflict', 'Taken.'],
    ['TooManyRequestsError', new TooManyRequestsError(), 429, 'too-many-requests', undefined],
    ['ServiceUnavailableError', new ServiceUnavailableError('Down.'), 503, 'service-unavailable', 'Down.'],
    [
      'malformed JSON',
      new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(),
      400,
      'bad-request',
      'The request body is not valid JSON.',
    ],
    ['empty JSON body', new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY(), 400, 'http-error', undefined],
    ['body too large', new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), 413, 'payload-too-large', undefined],
    [
      'unsupported media type',
      new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('text/plain'),
      415,
      'http-error',
      'The request body must be application/json.',
    ],
    ['a plain Error', new Error('db exploded at /srv/app.ts:12'), 500, 'internal', 'An unexpected error occurred.'],
    [
      'an error with a status but no Fastify code',
      Object.assign(new Error('x'), { statusCode: 400, code: 'EWHATEVER' }),
      500,
      'internal',
      undefined,
    ],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')"), 500, 'internal', undefined],
    ['a thrown string', 'oops', 500, 'internal', undefined],
    ['null', null, 500, 'internal', undefined],
  ])('%s -> %i %s', (_name, error, status, code, detail) => {
    const appError = toAppError(error);
    expect(appError).toBeInstanceOf(AppError);
    expect(appError.status).toBe(status);
    expect(appError.code).toBe(code);
    expect(appError.isOperational).toBe(status !== 500);
    if (detail !== undefined) expect(appError.detail).toBe(detail);
  });

  it('renders a problem with the request id and, for 422, the field errors', () => {
    const problem = problemFor(new ValidationError([{ path: ['title'], message: 'Required' }]), 'req-1');
    expect(problem).toEqual({
      type: 'urn:problem-type:validation-failed',
      title: 'Validation failed',
      status: 422,
      detail: 'The request is invalid: see errors for each field.',
      request_id: 'req-1',
      errors: [{ path: ['title'], message: 'Required' }],
    });
  });

  it('never puts internal details in a 500 problem', () => {
    const problem = problemFor(toAppError(new Error('password=hunter2 at /srv/app.ts:12')), undefined);
    expect(problem).toEqual({
      type: 'urn:problem-type:internal',
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
  });
});
