import { getErrorMessage } from '../../lib/error-messages';
import { TodoItem } from './TodoItem';
import { useTodos } from './todos.api';

const SKELETON_ROWS = 3;

export function TodoList() {
  const todos = useTodos();

  if (todos.isPending) return <TodoListSkeleton />;
  if (!todos.data) {
    return (
      <div className="notice notice-error" role="alert">
        <span>{getErrorMessage(todos.error)}</span>
        <button type="button" onClick={() => void todos.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  const items = todos.data.pages.flatMap((page) => page.data);
  if (items.length === 0) {
    return <p className="empty-state">Nothing to do yet. Type a todo above to get started.</p>;
  }

  return (
    <>
      <ul className="todo-list" aria-label="Todos">
        {items.map((todo) => (
          <TodoItem key={todo.id} todo={todo} />
        ))}
      </ul>
      {todos.hasNextPage && (
        <button
          type="button"
          className="load-more"
          onClick={() => void todos.fetchNextPage()}
          disabled={todos.isFetchingNextPage}
          aria-busy={todos.isFetchingNextPage}
        >
          Load more
        </button>
      )}
    </>
  );
}

/** Placeholder rows shaped like the list, so the page never flashes blank while loading. */
function TodoListSkeleton() {
  return (
    <div className="todo-skeleton" role="progressbar" aria-busy="true" aria-label="Loading todos">
      {Array.from({ length: SKELETON_ROWS }, (_, index) => (
        <div key={index} className="skeleton-row" aria-hidden="true" />
      ))}
    </div>
  );
}
