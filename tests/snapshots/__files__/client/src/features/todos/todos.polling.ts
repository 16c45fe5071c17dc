import type { QueryClient } from '@tanstack/react-query';
import { env } from '../../config/env';
import { todoKeys } from './todos.keys';

/**
 * --realtime polling: there is no server push, so every todo query refetches on an interval.
 * TanStack Query skips interval refetches while the tab is hidden (refetchIntervalInBackground
 * false) and refetches when it is focused again, so idle tabs cost the server nothing.
 */
export function pollTodos(queryClient: QueryClient, intervalMs: number = env.pollIntervalMs): QueryClient {
  queryClient.setQueryDefaults(todoKeys.all, {
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
  return queryClient;
}
