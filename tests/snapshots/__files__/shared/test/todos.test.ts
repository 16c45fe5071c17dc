import { describe, expect, it } from 'vitest';
import { CreateTodoSchema, ListTodosQuerySchema, MAX_PAGE_SIZE, UpdateTodoSchema } from '../src/todos.js';

describe('ListTodosQuerySchema', () => {
  it('defaults the limit to 20', () => {
    expect(ListTodosQuerySchema.parse({})).toEqual({ limit: 20 });
  });

  it('coerces query strings and caps large limits', () => {
    expect(ListTodosQuerySchema.parse({ limit: '5', cursor: 'abc' })).toEqual({ limit: 5, cursor: 'abc' });
    expect(ListTodosQuerySchema.parse({ limit: '500' }).limit).toBe(MAX_PAGE_SIZE);
  });

  it.each(['0', '-1', '1.5', 'ten', ''])('refuses limit=%j', (limit) => {
    const result = ListTodosQuerySchema.safeParse({ limit });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['limit']);
  });
});

describe('CreateTodoSchema', () => {
  it('trims the title', () => {
    expect(CreateTodoSchema.parse({ title: '  Buy milk ' })).toEqual({ title: 'Buy milk' });
  });

  it('refuses blank titles and unknown fields', () => {
    expect(CreateTodoSchema.safeParse({ title: '   ' }).success).toBe(false);
    expect(CreateTodoSchema.safeParse({ title: 'ok', completed: true }).success).toBe(false);
  });
});

describe('UpdateTodoSchema', () => {
  it('accepts any non-empty subset of the fields', () => {
    expect(UpdateTodoSchema.parse({ completed: true })).toEqual({ completed: true });
    expect(UpdateTodoSchema.parse({ title: 'x' })).toEqual({ title: 'x' });
  });

  it('refuses an empty patch and unknown fields', () => {
    expect(UpdateTodoSchema.safeParse({}).success).toBe(false);
    expect(UpdateTodoSchema.safeParse({ done: true }).success).toBe(false);
  });
});
