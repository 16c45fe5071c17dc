import type { TodoPage } from '@app/shared';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { makePage, makeTodo } from '../../test/fixtures';
import { todoKeys } from './todos.keys';
import { applyTodoEvent } from './useTodoEvents';

function clientWith(page: TodoPage) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<InfiniteData<TodoPage, string | null>>(todoKeys.list(), { pages: [page], pageParams: [null] });
  const titles = () => queryClient.getQueryData<InfiniteData<TodoPage>>(todoKeys.list())?.pages[0]?.data.map((todo) => todo.title);
  const isStale = () => queryClient.getQueryState(todoKeys.list())?.isInvalidated;
  return { queryClient, titles, isStale };
}

describe('applyTodoEvent', () => {
  const first = makeTodo({ title: 'First' });
  const second = makeTodo({ title: 'Second' });

  it('applies an update from another tab to the cached list, without a refetch', () => {
    const { queryClient, titles, isStale } = clientWith(makePage([first, second]));
    applyTodoEvent(queryClient, JSON.stringify({ type: 'todo.updated', todo: { ...second, title: 'Second, renamed' } }));
    expect(titles()).toEqual(['First', 'Second, renamed']);
    expect(isStale()).toBe(false);
  });

  it('removes a deleted todo from the cached list', () => {
    const { queryClient, titles } = clientWith(makePage([first, second]));
    applyTodoEvent(queryClient, JSON.stringify({ type: 'todo.deleted', id: first.id }));
    expect(titles()).toEqual(['Second']);
  });

  it('refetches the list when a todo is created elsewhere', () => {
    const { queryClient, isStale } = clientWith(makePage([first]));
    applyTodoEvent(queryClient, JSON.stringify({ type: 'todo.created', todo: makeTodo({ title: 'New' }) }));
    expect(isStale()).toBe(true);
  });

  it('ignores malformed or unknown events', () => {
    const { queryClient, titles, isStale } = clientWith(makePage([first]));
    applyTodoEvent(queryClient, 'not json');
    applyTodoEvent(queryClient, JSON.stringify({ type: 'todo.archived', id: first.id }));
    expect(titles()).toEqual(['First']);
    expect(isStale()).toBe(false);
  });
});
