/**
 * The todo API as the checks use it, whatever its style: REST routes under /api/todos, or tRPC
 * procedures under /api/trpc (`api-trpc.ts`). Each call returns the observed HttpResponse whose
 * body is the todo data, or the problem on an error, so the same assertions read both.
 */
import type { ProjectOptions } from '../options/questions.js';
import { createTrpcTodoApi } from './api-trpc.js';
import type { HttpClient, HttpResponse } from './http.js';

export interface TodoApi {
  readonly style: ProjectOptions['api'];
  /** Status of a successful create and delete: 201 and 204 over REST, 200 over tRPC. */
  readonly createdStatus: number;
  readonly deletedStatus: number;
  /** A todo endpoint, for the CORS preflight and security-header checks. */
  readonly endpointPath: string;
  /** The path of the event stream (realtime sse). */
  readonly eventsPath: string;
  /** Where a create is sent, for checks that write the request by hand (shutdown's in-flight POST). */
  readonly createPath: string;
  /** The created todo in the body of a successful create, envelope removed; undefined when unreadable. */
  createdTodo(text: string): unknown;
  /** Names a call in messages: `GET /api/todos` or `todos.list`. */
  describe(call: 'list' | 'create'): string;
  list(headers: Record<string, string>, query?: { limit?: number; cursor?: string }): Promise<HttpResponse>;
  get(headers: Record<string, string>, id: string | number): Promise<HttpResponse>;
  create(headers: Record<string, string>, body: unknown): Promise<HttpResponse>;
  update(headers: Record<string, string>, id: string | number, changes: unknown): Promise<HttpResponse>;
  remove(headers: Record<string, string>, id: string | number): Promise<HttpResponse>;
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function todoPath(id: string | number): string {
  return `/api/todos/${encodeURIComponent(String(id))}`;
}

function restTodoApi(http: HttpClient): TodoApi {
  return {
    style: 'rest',
    createdStatus: 201,
    deletedStatus: 204,
    endpointPath: '/api/todos',
    eventsPath: '/api/events',
    createPath: '/api/todos',
    createdTodo: safeJson,
    describe: (call) => (call === 'list' ? 'GET /api/todos' : 'POST /api/todos'),
    list: (headers, query = {}) => {
      const params = new URLSearchParams();
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.cursor !== undefined) params.set('cursor', query.cursor);
      const search = params.size ? `?${params.toString()}` : '';
      return http.request(`/api/todos${search}`, { headers });
    },
    get: (headers, id) => http.request(todoPath(id), { headers }),
    create: (headers, body) => http.request('/api/todos', { method: 'POST', headers, json: body }),
    update: (headers, id, changes) => http.request(todoPath(id), { method: 'PATCH', headers, json: changes }),
    remove: (headers, id) => http.request(todoPath(id), { method: 'DELETE', headers }),
  };
}

export function createTodoApi(options: ProjectOptions, http: HttpClient): TodoApi {
  return options.api === 'trpc' ? createTrpcTodoApi(http) : restTodoApi(http);
}
