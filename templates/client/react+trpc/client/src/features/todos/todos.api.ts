import type { Todo } from '@app/shared';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { removeTodoFromCache, replaceTodoInCache } from './todos.cache';
import { todoKeys } from './todos.keys';

const PAGE_SIZE = 20;

/** Pages of todos through `todos.list`; tRPC passes each page's cursor as `input.cursor`. */
export function useTodos() {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.todos.list.infiniteQueryOptions(
      { limit: PAGE_SIZE },
      { getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined },
    ),
  );
}

export function useCreateTodo() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.todos.create.mutationOptions({
      // TodoForm shows this error next to its input.
      meta: { inlineErrors: true },
      onSuccess: () => queryClient.invalidateQueries({ queryKey: todoKeys.all }),
    }),
  );
}

export function useUpdateTodo() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.todos.update.mutationOptions({
      // Show the server's answer at once, then reconcile (also after a failure, e.g. a 404).
      onSuccess: (todo) => replaceTodoInCache(queryClient, todo),
      onSettled: () => queryClient.invalidateQueries({ queryKey: todoKeys.all }),
    }),
  );
}

/** Takes the id alone, like the REST flavour, so the components do not depend on the transport. */
export function useDeleteTodo() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: trpc.todos.remove.mutationKey(),
    mutationFn: (id: Todo['id']) => client.todos.remove.mutate({ id }),
    onSuccess: (_result, id) => removeTodoFromCache(queryClient, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: todoKeys.all }),
  });
}
