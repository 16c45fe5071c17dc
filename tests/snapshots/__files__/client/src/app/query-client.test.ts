import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../lib/api-client';
import { createQueryClient, shouldRetry } from './query-client';

const apiError = (status: number) => new ApiError(status, null);

describe('query retries', () => {
  it.each([
    ['a 400', false, apiError(400), 0],
    ['a 401', false, apiError(401), 0],
    ['a 404', false, apiError(404), 0],
    ['a 422', false, apiError(422), 0],
    ['a 500, first failure', true, apiError(500), 0],
    ['a 503, third failure', true, apiError(503), 2],
    ['a 503, fourth failure', false, apiError(503), 3],
    ['a network error', true, new NetworkError(), 1],
    ['a network error, fourth failure', false, new NetworkError(), 3],
  ])('%s: retry %s', (_name, expected, error, failureCount) => {
    expect(shouldRetry(failureCount, error)).toBe(expected);
  });

  it('is what the app query client uses, and writes are never replayed', () => {
    const defaults = createQueryClient().getDefaultOptions();
    expect(defaults.queries?.retry).toBe(shouldRetry);
    expect(defaults.mutations?.retry).toBe(false);
  });
});
