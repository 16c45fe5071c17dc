import { TodoPageSchema, TodoSchema, type CreateTodoInput, type Todo, type UpdateTodoInput } from '@app/shared';
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { removeTodoFromCache, replaceTodoInCache } from './todos.cache';
import { todoKeys } from './todos.keys';

const PAGE_SIZE = 20;

function todoPath(id: Todo['id']): string {
  return `/api/todos/${encodeURIComponent(String(id))}`;
}

export function fetchTodoPage(cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/todos?${params.toString()}`, TodoPageSchema, signal);
}

export function todosQueryOptions() {
  return infiniteQueryOptions({
    queryKey: todoKeys.list(),
    queryFn: ({ pageParam, signal }) => fetchTodoPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useTodos() {
  return useInfiniteQuery(todosQueryOptions());
}

export function useCreateTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTodoInput) => api.post('/api/todos', input, TodoSchema),
    // TodoForm shows this error next to its input.
    meta: { inlineErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: todoKeys.all }),
  });
}

export function useUpdateTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: Todo['id']; changes: UpdateTodoInput }) =>
      api.patch(todoPath(id), changes, TodoSchema),
    // Show the server's answer at once, then reconcile (also after a failure, e.g. a 404).
    onSuccess: (todo) => replaceTodoInCache(queryClient, todo),
    onSettled: () => queryClient.invalidateQueries({ queryKey: todoKeys.all }),
  });
}

export function useDeleteTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Todo['id']) => api.delete(todoPath(id)),
    onSuccess: (_result, id) => removeTodoFromCache(queryClient, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: todoKeys.all }),
  });
}
