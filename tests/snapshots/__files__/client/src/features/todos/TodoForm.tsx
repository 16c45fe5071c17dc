import { CreateTodoSchema } from '@app/shared';
import { useId, useState, type FormEvent } from 'react';
import { fieldErrors, getErrorMessage } from '../../lib/error-messages';
import { useCreateTodo } from './todos.api';

export function TodoForm() {
  const create = useCreateTodo();
  const [title, setTitle] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const serverError = create.error ? (fieldErrors(create.error).title ?? getErrorMessage(create.error)) : null;
  const error = localError ?? serverError;

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    // Same schema as the server: most mistakes are caught without a round trip.
    const parsed = CreateTodoSchema.safeParse({ title });
    if (!parsed.success) {
      setLocalError(parsed.error.issues[0]?.message ?? 'Check the title.');
      return;
    }
    setLocalError(null);
    create.mutate(parsed.data, { onSuccess: () => setTitle('') });
  }

  function onChange(value: string): void {
    setTitle(value);
    setLocalError(null);
    if (create.isError) create.reset();
  }

  return (
    <form className="todo-form" onSubmit={onSubmit} noValidate aria-busy={create.isPending}>
      <label htmlFor={inputId}>New todo</label>
      <div className="todo-form-row">
        <input
          id={inputId}
          value={title}
          onChange={(event) => onChange(event.currentTarget.value)}
          placeholder="What needs doing?"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" disabled={create.isPending}>
          Add
        </button>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
