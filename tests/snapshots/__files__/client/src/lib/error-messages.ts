import { ApiError, NetworkError } from './api-client';

/** Human messages per status: users never see server text such as titles or stack traces. */
const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: 'The request was not understood. Please check your input and try again.',
  401: 'Please sign in to continue.',
  403: "You don't have permission to do this.",
  404: "This item doesn't exist any more. It may have been deleted.",
  409: 'This conflicts with an existing item.',
  422: 'Please check your input.',
  429: 'Too many attempts. Please wait a moment and try again.',
};

const SERVER_ERROR = 'Something went wrong on our side. Please try again.';
const NETWORK_ERROR = 'Cannot reach the server. Check your connection and try again.';
const UNKNOWN_ERROR = 'An unexpected error occurred. Please try again.';

export type StatusMessages = Readonly<Partial<Record<number, string>>>;

/**
 * Maps any error to a message fit for the UI. `overrides` lets a screen word a status in its
 * own terms (a 401 on the login form means wrong credentials, not an expired session).
 */
export function getErrorMessage(error: unknown, overrides: StatusMessages = {}): string {
  if (error instanceof NetworkError) return NETWORK_ERROR;
  if (!(error instanceof ApiError)) return UNKNOWN_ERROR;
  const override = overrides[error.status];
  if (override) return override;
  if (error.status >= 500) return SERVER_ERROR;
  return STATUS_MESSAGES[error.status] ?? UNKNOWN_ERROR;
}

/**
 * Field name -> message from a 422's `errors[].path`, for showing next to each input.
 * The first segment of the path names the field (`["email"]` -> `email`); the first message wins.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 422) return {};
  const result: Record<string, string> = {};
  for (const { path, message } of error.problem?.errors ?? []) {
    const field = path[0];
    // An error about the whole body (empty path) has no input to sit next to.
    if (field !== undefined && !(String(field) in result)) result[String(field)] = message;
  }
  return result;
}
