import type { Todo } from '@app/shared';
import { useState } from 'react';
import { useDeleteTodo, useUpdateTodo } from './todos.api';

/** One todo: the checkbox is labelled by the title, so "toggle <title>" is one accessible action. */
export function TodoItem({ todo }: { todo: Todo }) {
  const update = useUpdateTodo();
  const remove = useDeleteTodo();
  // The requested state, set in the click handler itself so the box never flickers back while
  // the server confirms; cleared when the request settles (a failure shows the saved state).
  const [requested, setRequested] = useState<boolean | null>(null);
  const completed = requested ?? todo.completed;
  const busy = update.isPending || remove.isPending;

  function toggle(next: boolean): void {
    setRequested(next);
    update.mutate({ id: todo.id, changes: { completed: next } }, { onSettled: () => setRequested(null) });
  }

  return (
    <li data-testid="todo-item" className={completed ? 'todo-item completed' : 'todo-item'} aria-busy={busy}>
      <label className="todo-toggle">
        <input
          type="checkbox"
          checked={completed}
          disabled={busy}
          onChange={(event) => toggle(event.currentTarget.checked)}
        />
        <span className="todo-title">{todo.title}</span>
      </label>
      <button type="button" className="button-danger" disabled={busy} onClick={() => remove.mutate(todo.id)}>
        Delete
      </button>
    </li>
  );
}
