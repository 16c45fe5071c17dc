import { describe, expect, it } from 'vitest';
import { TODO_EVENT_TYPES, TodoEventSchema } from '../src/events.js';

describe('TodoEventSchema', () => {
  it('names every event type', () => {
    expect([...TODO_EVENT_TYPES].sort()).toEqual(['todo.created', 'todo.deleted', 'todo.updated']);
  });

  it('discriminates on type', () => {
    const id = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
    expect(TodoEventSchema.parse({ type: 'todo.deleted', id })).toEqual({ type: 'todo.deleted', id });
    expect(TodoEventSchema.safeParse({ type: 'todo.created', id }).success).toBe(false);
  });
});
