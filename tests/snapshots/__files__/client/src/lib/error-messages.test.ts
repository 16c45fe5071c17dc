import type { FieldError } from '@app/shared';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api-client';
import { fieldErrors, getErrorMessage } from './error-messages';

function apiError(status: number, errors?: FieldError[]): ApiError {
  const problem = {
    type: 'about:blank',
    title: 'TypeError: Cannot read properties of undefined',
    status,
    detail: 'at Object.<anonymous> (/srv/app/server.js:12:5)',
    request_id: 'req-1',
    ...(errors ? { errors } : {}),
  };
  return new ApiError(status, problem);
}

describe('getErrorMessage', () => {
  it.each([
    [400, 'The request was not understood. Please check your input and try again.'],
    [401, 'Please sign in to continue.'],
    [403, "You don't have permission to do this."],
    [404, "This item doesn't exist any more. It may have been deleted."],
    [409, 'This conflicts with an existing item.'],
    [422, 'Please check your input.'],
    [429, 'Too many attempts. Please wait a moment and try again.'],
    [500, 'Something went wrong on our side. Please try again.'],
    [502, 'Something went wrong on our side. Please try again.'],
    [503, 'Something went wrong on our side. Please try again.'],
    [418, 'An unexpected error occurred. Please try again.'],
  ])('maps status %i to a human message', (status, message) => {
    const text = getErrorMessage(apiError(status));
    expect(text).toBe(message);
    // Server text (titles, details, stack traces) never reaches the user.
    expect(text).not.toMatch(/TypeError|server\.js/);
  });

  it('maps network failures and unknown errors', () => {
    expect(getErrorMessage(new NetworkError())).toBe('Cannot reach the server. Check your connection and try again.');
    expect(getErrorMessage(new Error('boom'))).toBe('An unexpected error occurred. Please try again.');
    expect(getErrorMessage('not an error')).toBe('An unexpected error occurred. Please try again.');
  });

  it('lets a screen word a status in its own terms', () => {
    expect(getErrorMessage(apiError(401), { 401: 'Email or password is incorrect.' })).toBe(
      'Email or password is incorrect.',
    );
    expect(getErrorMessage(apiError(500), { 401: 'Email or password is incorrect.' })).toBe(
      'Something went wrong on our side. Please try again.',
    );
  });
});

describe('fieldErrors', () => {
  it('maps 422 errors[].path to fields, first message per field', () => {
    const error = apiError(422, [
      { path: ['email'], message: 'Enter a valid email.' },
      { path: ['password'], message: 'Use at least 8 characters.' },
      { path: ['password'], message: 'second message is ignored' },
      { path: [], message: 'Unrecognized key: "extra"' },
    ]);
    expect(fieldErrors(error)).toEqual({ email: 'Enter a valid email.', password: 'Use at least 8 characters.' });
  });

  it('is empty for other statuses and other errors', () => {
    expect(fieldErrors(apiError(400, [{ path: ['email'], message: 'x' }]))).toEqual({});
    expect(fieldErrors(new NetworkError())).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });
});
