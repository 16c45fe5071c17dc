import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeTodo } from '../../test/fixtures';
import { mockFetch } from '../../test/http';
import { renderWithClient } from '../../test/render';
import { procedureOf, trpcErrorResponse, trpcResponse } from '../../test/trpc';
import { TodoForm } from './TodoForm';

function add(title: string): void {
  fireEvent.change(screen.getByLabelText('New todo'), { target: { value: title } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
}

describe('TodoForm', () => {
  it('catches an empty title with the shared schema, without a request', () => {
    const fetchMock = mockFetch(() => trpcResponse({}));
    renderWithClient(<TodoForm />);
    add('   ');
    expect(screen.getByRole('alert').textContent).toBe('Title is required');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server 422 message for the title next to the input', async () => {
    mockFetch(() => trpcErrorResponse(422, { errors: [{ path: ['title'], message: 'Title is already used today' }] }));
    renderWithClient(<TodoForm />);
    add('Buy milk');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Title is already used today');
    expect(screen.getByLabelText('New todo').getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('sends the trimmed title to todos.create and clears the input on success', async () => {
    const fetchMock = mockFetch(() => trpcResponse(makeTodo({ title: 'Buy milk' })));
    renderWithClient(<TodoForm />);
    add('  Buy milk ');
    await expect.poll(() => screen.getByLabelText('New todo')).toHaveProperty('value', '');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(procedureOf(String(url)).path).toBe('todos.create');
    expect(init).toMatchObject({ method: 'POST', body: JSON.stringify({ title: 'Buy milk' }) });
  });
});
