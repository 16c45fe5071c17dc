import { ProblemSchema } from '@app/shared';
import { TRPCClientError } from '@trpc/client';
import { ApiError, NetworkError } from './api-client';

/**
 * A tRPC failure as the errors the UI already understands: the server puts its problem+json body
 * in `data.problem` (and the status in `data.httpStatus`), and a failed fetch is the NetworkError
 * `trpcFetch` threw. Anything else is returned unchanged.
 */
export function fromTrpcError(error: unknown): unknown {
  if (!(error instanceof TRPCClientError)) return error;
  if (error.cause instanceof NetworkError) return error.cause;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null) return error;
  const problem = ProblemSchema.safeParse('problem' in data ? data.problem : undefined);
  if (problem.success) return new ApiError(problem.data.status, problem.data);
  return 'httpStatus' in data && typeof data.httpStatus === 'number' ? new ApiError(data.httpStatus, null) : error;
}
