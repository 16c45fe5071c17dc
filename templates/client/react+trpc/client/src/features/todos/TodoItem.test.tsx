import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeTodo } from '../../test/fixtures';
import { mockFetch } from '../../test/http';
import { renderWithClient } from '../../test/render';
import { procedureOf, trpcErrorResponse, trpcResponse } from '../../test/trpc';
import { TodoItem } from './TodoItem';

describe('TodoItem', () => {
  it('toggles through todos.update and shows the new state while the server confirms it', async () => {
    const todo = makeTodo({ title: 'Water plants' });
    let release: (response: Response) => void = () => undefined;
    const fetchMock = mockFetch(() => new Promise<Response>((resolve) => (release = resolve)));
    renderWithClient(<TodoItem todo={todo} />);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Water plants' }));

    // Checked at once, not after a round trip: no flicker back to unchecked.
    expect(screen.getByRole('checkbox', { name: 'Water plants' })).toHaveProperty('checked', true);
    await expect.poll(() => fetchMock.mock.calls.length).toBe(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(procedureOf(String(url)).path).toBe('todos.update');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify({ id: todo.id, changes: { completed: true } }) });
    release(trpcResponse({ ...todo, completed: true }));
  });

  it('falls back to the saved state when the update fails', async () => {
    const todo = makeTodo({ title: 'Water plants' });
    mockFetch(() => trpcErrorResponse(404));
    renderWithClient(<TodoItem todo={todo} />);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Water plants' }));

    await expect.poll(() => screen.getByRole('checkbox', { name: 'Water plants' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('checkbox', { name: 'Water plants' })).toHaveProperty('checked', false);
  });

  it('deletes through todos.remove', async () => {
    const todo = makeTodo();
    const fetchMock = mockFetch(() => trpcResponse({ id: todo.id }));
    renderWithClient(<TodoItem todo={todo} />);

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));

    await expect.poll(() => fetchMock.mock.calls.length).toBe(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(procedureOf(String(url)).path).toBe('todos.remove');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify({ id: todo.id }) });
  });
});
