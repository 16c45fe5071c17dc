import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeTodo } from '../../test/fixtures';
import { jsonResponse, mockFetch, problemResponse } from '../../test/http';
import { renderWithClient } from '../../test/render';
import { TodoItem } from './TodoItem';

describe('TodoItem', () => {
  it('toggles through PATCH and shows the new state while the server confirms it', async () => {
    const todo = makeTodo({ title: 'Water plants' });
    let release: (response: Response) => void = () => undefined;
    const fetchMock = mockFetch(() => new Promise<Response>((resolve) => (release = resolve)));
    renderWithClient(<TodoItem todo={todo} />);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Water plants' }));

    // Checked at once, not after a round trip: no flicker back to unchecked.
    expect(screen.getByRole('checkbox', { name: 'Water plants' })).toHaveProperty('checked', true);
    await expect.poll(() => fetchMock.mock.calls.length).toBe(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/todos/${todo.id}`);
    expect(init).toMatchObject({ method: 'PATCH', body: JSON.stringify({ completed: true }) });
    release(jsonResponse({ ...todo, completed: true }));
  });

  it('falls back to the saved state when the update fails', async () => {
    const todo = makeTodo({ title: 'Water plants' });
    mockFetch(() => problemResponse(404));
    renderWithClient(<TodoItem todo={todo} />);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Water plants' }));

    await expect.poll(() => screen.getByRole('checkbox', { name: 'Water plants' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('checkbox', { name: 'Water plants' })).toHaveProperty('checked', false);
  });

  it('deletes through DELETE', async () => {
    const todo = makeTodo();
    const fetchMock = mockFetch(() => new Response(null, { status: 204 }));
    renderWithClient(<TodoItem todo={todo} />);

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));

    await expect.poll(() => fetchMock.mock.calls.length).toBe(1);
    expect(fetchMock.mock.calls[0]).toEqual([`/api/todos/${todo.id}`, expect.objectContaining({ method: 'DELETE' })]);
  });
});
