import { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { describe, expect, it } from 'vitest';
import { createTrpcClient } from '../../lib/trpc';
import type { AppRouter } from '@app/server/trpc';
import { todoKeys } from './todos.keys';

describe('todoKeys', () => {
  it("is tRPC's own key for every todos query", () => {
    const trpc = createTRPCOptionsProxy<AppRouter>({ client: createTrpcClient(), queryClient: new QueryClient() });
    expect(todoKeys.all).toEqual(trpc.todos.pathKey());
  });
});
