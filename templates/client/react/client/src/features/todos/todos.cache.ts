import type { Todo, TodoPage } from '@app/shared';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { todoKeys } from './todos.keys';

/**
 * In-place edits of the cached todo pages, shared by mutations and live events, so a change
 * shows at once instead of after a refetch. Pages keep their cursors; only items change.
 */
type TodoPages = InfiniteData<TodoPage, string | null>;

function mapItems(queryClient: QueryClient, change: (items: Todo[]) => Todo[]): void {
  queryClient.setQueriesData<TodoPages>(
    { queryKey: todoKeys.all },
    (cached) => cached && { ...cached, pages: cached.pages.map((page) => ({ ...page, data: change(page.data) })) },
  );
}

export function replaceTodoInCache(queryClient: QueryClient, todo: Todo): void {
  mapItems(queryClient, (items) => items.map((item) => (item.id === todo.id ? todo : item)));
}

export function removeTodoFromCache(queryClient: QueryClient, id: Todo['id']): void {
  mapItems(queryClient, (items) => items.filter((item) => item.id !== id));
}
