import type { Todo, TodoPage } from '@app/shared';

let sequence = 0;

/** A todo as the API returns it; override what a test cares about. */
export function makeTodo(overrides: Partial<Todo> = {}): Todo {
  sequence += 1;
  const now = new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)).toISOString();
  return {
    id: crypto.randomUUID(),
    title: `Todo ${sequence}`,
    completed: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function makePage(data: Todo[], nextCursor: string | null = null): TodoPage {
  return { data, nextCursor };
}
