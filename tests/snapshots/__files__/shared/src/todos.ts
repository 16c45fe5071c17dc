import { z } from 'zod';

/** Page size used when a request names none. */
export const DEFAULT_PAGE_SIZE = 20;
/** Larger `limit` values are capped to this, not refused. */
export const MAX_PAGE_SIZE = 100;
export const TITLE_MAX_LENGTH = 200;

const TitleSchema = z
  .string()
  .trim()
  .min(1, 'Title is required')
  .max(TITLE_MAX_LENGTH, `Title must be at most ${TITLE_MAX_LENGTH} characters`);

/** A todo as the API returns it. Timestamps are ISO 8601 in UTC. */
export const TodoSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  completed: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** Body of `POST /api/todos`. */
export const CreateTodoSchema = z.object({ title: TitleSchema }).strict();

/** Body of `PATCH /api/todos/:id`: any subset of the fields, but at least one. */
export const UpdateTodoSchema = z
  .object({ title: TitleSchema.optional(), completed: z.boolean().optional() })
  .strict()
  .refine((changes) => changes.title !== undefined || changes.completed !== undefined, {
    message: 'Provide at least one of: title, completed',
  });

export const TodoIdParamsSchema = z.object({ id: z.uuid('Not a valid todo id') });

/** Query of `GET /api/todos`: `limit` 1.. (default 20, capped at 100) and an opaque `cursor`. */
export const ListTodosQuerySchema = z.object({
  limit: z.coerce
    .number('limit must be a number')
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .default(DEFAULT_PAGE_SIZE)
    .transform((limit) => Math.min(limit, MAX_PAGE_SIZE)),
  cursor: z.string().min(1).max(512).optional(),
});

/** One page of todos, newest first; `nextCursor` is null on the last page. */
export const TodoPageSchema = z.object({
  data: z.array(TodoSchema),
  nextCursor: z.string().nullable(),
});

export type Todo = z.infer<typeof TodoSchema>;
export type CreateTodoInput = z.infer<typeof CreateTodoSchema>;
export type UpdateTodoInput = z.infer<typeof UpdateTodoSchema>;
export type TodoIdParams = z.infer<typeof TodoIdParamsSchema>;
export type ListTodosQuery = z.infer<typeof ListTodosQuerySchema>;
export type TodoPage = z.infer<typeof TodoPageSchema>;
