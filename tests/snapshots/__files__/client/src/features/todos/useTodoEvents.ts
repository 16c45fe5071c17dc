import { TodoEventSchema } from '@app/shared';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { connectEventStream } from '../../lib/event-stream';
import { removeTodoFromCache, replaceTodoInCache } from './todos.cache';
import { todoKeys } from './todos.keys';

/**
 * Keeps the todo list live: changes made in another tab or device arrive over /api/events and
 * land in the query cache without a reload. The stream closes when the component unmounts.
 */
export function useTodoEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const controller = new AbortController();
    void connectEventStream({
      path: '/api/events',
      signal: controller.signal,
      // Events sent while disconnected are lost: refetch once the stream is back.
      onOpen: ({ reconnected }) => {
        if (reconnected) void queryClient.invalidateQueries({ queryKey: todoKeys.all });
      },
      onEvent: ({ data }) => applyTodoEvent(queryClient, data),
    });
    return () => controller.abort();
  }, [queryClient]);
}

export function applyTodoEvent(queryClient: QueryClient, data: string): void {
  const parsed = TodoEventSchema.safeParse(parseJson(data));
  // An event this client does not know (a newer server) is skipped, not fatal.
  if (!parsed.success) return;
  const event = parsed.data;
  // An update or a deletion carries everything needed to edit the cache in place; where a
  // created todo belongs among the loaded pages only the server knows, so refetch for that.
  if (event.type === 'todo.updated') replaceTodoInCache(queryClient, event.todo);
  else if (event.type === 'todo.deleted') removeTodoFromCache(queryClient, event.id);
  else void queryClient.invalidateQueries({ queryKey: todoKeys.all });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
