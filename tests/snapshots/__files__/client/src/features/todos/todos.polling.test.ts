import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollTodos } from './todos.polling';
import { todoKeys } from './todos.keys';

describe('pollTodos', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refetches every todo query on the interval, only while the tab is visible', () => {
    const queryClient = pollTodos(new QueryClient(), 3_000);
    expect(queryClient.getQueryDefaults(todoKeys.list())).toMatchObject({
      refetchInterval: 3_000,
      refetchIntervalInBackground: false,
    });
    expect(queryClient.getQueryDefaults(['other'])).not.toHaveProperty('refetchInterval');
  });

  it('fetches again each time the interval passes', async () => {
    vi.useFakeTimers();
    const queryClient = pollTodos(new QueryClient(), 3_000);
    const queryFn = vi.fn(() => Promise.resolve('page'));
    const observer = new QueryObserver(queryClient, { queryKey: todoKeys.list(), queryFn });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(queryFn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(queryFn).toHaveBeenCalledTimes(2);
    unsubscribe();
  });
});
