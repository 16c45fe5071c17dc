import { z } from 'zod';
import { TodoSchema } from './todos.js';

export const TodoCreatedEventSchema = z.object({ type: z.literal('todo.created'), todo: TodoSchema });
export const TodoUpdatedEventSchema = z.object({ type: z.literal('todo.updated'), todo: TodoSchema });
export const TodoDeletedEventSchema = z.object({ type: z.literal('todo.deleted'), id: z.uuid() });

/**
 * What `GET /api/events` streams. Each event is sent as `event: <type>` with the whole object,
 * `type` included, as its JSON `data`.
 */
export const TodoEventSchema = z.discriminatedUnion('type', [
  TodoCreatedEventSchema,
  TodoUpdatedEventSchema,
  TodoDeletedEventSchema,
]);

export type TodoEvent = z.infer<typeof TodoEventSchema>;
export type TodoEventType = TodoEvent['type'];

/** Every event name, e.g. for `addEventListener` on the client; derived so it cannot miss one. */
export const TODO_EVENT_TYPES: readonly TodoEventType[] = TodoEventSchema.options.map((option) => option.shape.type.value);
