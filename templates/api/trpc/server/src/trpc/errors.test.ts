import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, InternalError } from '../shared/errors.js';
import { formatError, toAppError, trpcCodeFor } from './errors.js';

describe('tRPC error mapping', () => {
  it('keeps what a service threw: status, code and detail', () => {
    const shape = formatError(
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new ConflictError('Email taken.') }),
      'todos.create',
      'req-1',
    );
    expect(shape).toEqual({
      message: 'Email taken.',
      code: -32009,
      data: {
        code: 'CONFLICT',
        httpStatus: 409,
        path: 'todos.create',
        problem: {
          type: 'urn:problem-type:conflict',
          title: 'Conflict',
          status: 409,
          detail: 'Email taken.',
          request_id: 'req-1',
        },
      },
    });
  });

  it('turns a refused input into a 422 with field paths', () => {
    const issues = z.object({ title: z.string() }).safeParse({ title: 1 }).error;
    const shape = formatError(new TRPCError({ code: 'BAD_REQUEST', cause: issues }), 'todos.create', 'req-1');
    expect(shape.data).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      httpStatus: 422,
      problem: { errors: [{ path: ['title'] }] },
    });
  });

  it('keeps the status of errors tRPC raises itself', () => {
    expect(
      toAppError(new TRPCError({ code: 'NOT_FOUND', message: 'No procedure found on path "nope"' })),
    ).toMatchObject({ status: 404 });
    expect(
      toAppError(
        new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Unsupported GET-request to mutation procedure' }),
      ),
    ).toMatchObject({
      status: 405,
    });
  });

  it('never leaks an unexpected error: a generic 500, the cause kept for the log only', () => {
    const bug = new Error('SQLITE_CORRUPT: secret detail');
    const appError = toAppError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: bug }));
    expect(appError).toBeInstanceOf(InternalError);
    expect(appError.cause).toBe(bug);
    const shape = formatError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: bug }), undefined, undefined);
    expect(JSON.stringify(shape)).not.toContain('secret');
    expect(shape.data.httpStatus).toBe(500);
  });

  it('names the tRPC code of every status the hierarchy uses', () => {
    expect([400, 401, 404, 409, 413, 422, 429, 500, 503].map(trpcCodeFor)).toEqual([
      'BAD_REQUEST',
      'UNAUTHORIZED',
      'NOT_FOUND',
      'CONFLICT',
      'PAYLOAD_TOO_LARGE',
      'UNPROCESSABLE_CONTENT',
      'TOO_MANY_REQUESTS',
      'INTERNAL_SERVER_ERROR',
      'SERVICE_UNAVAILABLE',
    ]);
  });
});
