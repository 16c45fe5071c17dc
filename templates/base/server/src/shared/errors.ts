import type { FieldError } from '@app/shared';

/**
 * The typed error hierarchy. Services throw these; the HTTP error handler turns each into an
 * `application/problem+json` response. Nothing here knows about HTTP frameworks: `status` is just
 * the number the error maps to.
 */
export interface AppErrorInit {
  status: number;
  /** Stable machine-readable identifier; the problem `type` is derived from it. */
  code: string;
  /** Short, human-readable summary that does not change between occurrences. */
  title: string;
  /** Explanation of this occurrence, safe to show to the client. */
  detail: string;
  /** False for programming errors: logged with their stack, answered with a generic 500. */
  isOperational?: boolean;
  cause?: unknown;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly isOperational: boolean;

  constructor(init: AppErrorInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.isOperational = init.isOperational ?? true;
  }

  get detail(): string {
    return this.message;
  }
}

export class BadRequestError extends AppError {
  constructor(detail: string) {
    super({ status: 400, code: 'bad-request', title: 'Bad request', detail });
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Authentication is required.') {
    super({ status: 401, code: 'unauthorized', title: 'Unauthorized', detail });
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'This request is not allowed.') {
    super({ status: 403, code: 'forbidden', title: 'Forbidden', detail });
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string, id?: string) {
    super({
      status: 404,
      code: 'not-found',
      title: 'Not found',
      detail: id === undefined ? `${resource} was not found.` : `${resource} ${id} was not found.`,
    });
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, cause?: unknown) {
    super({ status: 409, code: 'conflict', title: 'Conflict', detail, cause });
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(detail = 'The request body is too large.') {
    super({ status: 413, code: 'payload-too-large', title: 'Payload too large', detail });
  }
}

/** Input that failed validation; `fieldErrors` locate each problem (`path: ["title"]`). */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: readonly FieldError[],
    detail = 'The request is invalid: see errors for each field.',
  ) {
    super({ status: 422, code: 'validation-failed', title: 'Validation failed', detail });
  }
}

export class TooManyRequestsError extends AppError {
  constructor(detail = 'Too many requests: try again later.') {
    super({ status: 429, code: 'too-many-requests', title: 'Too many requests', detail });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(detail: string, cause?: unknown) {
    super({ status: 503, code: 'service-unavailable', title: 'Service unavailable', detail, cause });
  }
}

/** A bug, not a user error: its detail stays in the logs, the client sees a generic message. */
export class InternalError extends AppError {
  constructor(cause: unknown) {
    super({
      status: 500,
      code: 'internal',
      title: 'Internal server error',
      detail: 'An unexpected error occurred.',
      isOperational: false,
      cause,
    });
  }
}
