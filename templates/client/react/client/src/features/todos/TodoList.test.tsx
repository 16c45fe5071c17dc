import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makePage, makeTodo } from '../../test/fixtures';
import { jsonResponse, mockFetch, problemResponse } from '../../test/http';
import { renderWithClient } from '../../test/render';
import { TodoList } from './TodoList';

/** A fetch answer the test releases by hand, so the loading state can be observed. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('TodoList', () => {
  it('shows a loading indicator, then the todos', async () => {
    const answer = deferred<Response>();
    mockFetch(() => answer.promise);
    renderWithClient(<TodoList />);

    expect(screen.getByRole('progressbar', { name: 'Loading todos' })).toBeTruthy();

    answer.resolve(
      jsonResponse(makePage([makeTodo({ title: 'Write tests' }), makeTodo({ title: 'Ship it', completed: true })])),
    );

    const items = await screen.findAllByTestId('todo-item');
    expect(items).toHaveLength(2);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(within(items[1]!).getByRole('checkbox', { name: 'Ship it' })).toHaveProperty('checked', true);
    expect(within(items[0]!).getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('shows the empty state when there are no todos', async () => {
    mockFetch(() => jsonResponse(makePage([])));
    renderWithClient(<TodoList />);
    expect(await screen.findByText('Nothing to do yet. Type a todo above to get started.')).toBeTruthy();
    expect(screen.queryAllByTestId('todo-item')).toHaveLength(0);
  });

  it('offers "Load more" when the server has another page', async () => {
    const fetchMock = mockFetch((url) =>
      url.includes('cursor=next')
        ? jsonResponse(makePage([makeTodo({ title: 'Older' })]))
        : jsonResponse(makePage([makeTodo({ title: 'Newer' })], 'next')),
    );
    renderWithClient(<TodoList />);

    (await screen.findByRole('button', { name: 'Load more' })).click();

    expect(await screen.findByRole('checkbox', { name: 'Older' })).toBeTruthy();
    expect(screen.getAllByTestId('todo-item')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(fetchMock.mock.calls[1]?.[0]).toContain('cursor=next');
  });

  it('shows a human error message when loading fails', async () => {
    mockFetch(() => problemResponse(500, { detail: 'SQLITE_BUSY: database is locked' }));
    renderWithClient(<TodoList />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong on our side.');
    expect(alert.textContent).not.toContain('SQLITE');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
