import { onlineManager, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';
import { connectivity } from '../lib/connectivity';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The form shows this mutation's errors next to its inputs; skip the global notice. */
      inlineErrors?: boolean;
    };
  }
}

const MAX_RETRIES = 3;

/** A 4xx means the request itself is wrong: sending it again cannot succeed. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Retries back off exponentially (TanStack's default delay: 1s, 2s, 4s ... capped at 30s).
      queries: { retry: shouldRetry, staleTime: 30_000 },
      // Writes are not idempotent: never replay them automatically.
      mutations: { retry: false },
    },
  });
}

/**
 * Queries and mutations pause while the browser is offline or the API unreachable, and resume
 * by themselves on recovery (instead of burning their retries against a dead connection).
 */
export function followConnectivity(): () => void {
  onlineManager.setEventListener((setOnline) => {
    const unsubscribe = connectivity.subscribe(() => setOnline(connectivity.isOnline()));
    setOnline(connectivity.isOnline());
    return unsubscribe;
  });
  return () => onlineManager.setEventListener(() => undefined);
}
