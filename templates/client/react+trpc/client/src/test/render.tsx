import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@app/server/trpc';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { TRPC_PATH, TRPCProvider, trpcFetch } from '../lib/trpc';

/**
 * Renders with a fresh query client that never retries, so failures show at once, and a tRPC
 * client without batching, so each mocked fetch answers one procedure (lib/trpc.test.ts covers the
 * batching link the app uses).
 */
export function renderWithClient(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const trpcClient = createTRPCClient<AppRouter>({ links: [httpLink({ url: TRPC_PATH, fetch: trpcFetch })] });
  return {
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {ui}
        </TRPCProvider>
      </QueryClientProvider>,
    ),
  };
}
