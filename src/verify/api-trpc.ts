/**
 * The tRPC flavour of the todo API for Step 4: a query is `GET /api/trpc/<path>?input=<json>`, a
 * mutation `POST /api/trpc/<path>` with the input as the body. The answer is tRPC's envelope,
 * `{result: {data}}` or `{error: {message, code, data: {code, httpStatus, problem}}}`; it is checked
 * here (the HTTP status must be the error's, the problem must be there) and unwrapped, so the checks
 * read the data or the application/problem+json body exactly as over REST.
 */
import { z } from 'zod';
import { ProblemSchema } from './assert.js';
import { describe, type HttpClient, type HttpResponse } from './http.js';
import { fail } from './runner.js';
import { safeJson, type TodoApi } from './todo-api.js';

export const TRPC_PATH = '/api/trpc';

const SuccessSchema = z.object({ result: z.object({ data: z.unknown() }) });
const FailureSchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.number(),
    data: z.object({ code: z.string(), httpStatus: z.number().int(), problem: ProblemSchema }),
  }),
});

/** The response with the envelope unwrapped: data as JSON, or the error's problem as problem+json. */
export function unwrapTrpc(res: HttpResponse, procedure: string): HttpResponse {
  const request = `${procedure} (${res.request})`;
  // Refused by the HTTP layer before tRPC ran (the session Origin check, a rate limit): problem+json as over REST.
  if (res.status >= 400 && (res.headers.get('content-type') ?? '').startsWith('application/problem+json')) return { ...res, request };
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    fail(`${request}: the answer is not a tRPC JSON envelope: ${describe(res)}`);
  }
  const success = SuccessSchema.safeParse(json);
  if (success.success && res.status === 200) {
    // A mutation that returns nothing has no data: an empty body, like REST's 204.
    const text = success.data.result.data === undefined ? '' : JSON.stringify(success.data.result.data);
    return { ...res, request, text };
  }
  const failure = FailureSchema.safeParse(json);
  if (!failure.success) fail(`${request}: neither a tRPC result nor an error with data.problem: ${describe(res)}`);
  const { data } = failure.data.error;
  if (data.httpStatus !== res.status || data.problem.status !== res.status) {
    fail(`${request}: HTTP ${res.status}, but the error says httpStatus ${data.httpStatus} and problem status ${data.problem.status}`);
  }
  const headers = new Headers(res.headers);
  headers.set('content-type', 'application/problem+json');
  return { ...res, request: `${request} [${data.code}]`, headers, text: JSON.stringify(data.problem) };
}

export function trpcQuery(http: HttpClient, procedure: string, input: unknown, headers: Record<string, string>): Promise<HttpResponse> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return http.request(`${TRPC_PATH}/${procedure}${search}`, { headers }).then((res) => unwrapTrpc(res, procedure));
}

export function trpcMutation(http: HttpClient, procedure: string, input: unknown, headers: Record<string, string>): Promise<HttpResponse> {
  return http.request(`${TRPC_PATH}/${procedure}`, { method: 'POST', headers, json: input }).then((res) => unwrapTrpc(res, procedure));
}

export function createTrpcTodoApi(http: HttpClient): TodoApi {
  return {
    style: 'trpc',
    createdStatus: 200,
    deletedStatus: 200,
    endpointPath: `${TRPC_PATH}/todos.list`,
    eventsPath: `${TRPC_PATH}/todos.onChange`,
    createPath: `${TRPC_PATH}/todos.create`,
    createdTodo: (text) => {
      const envelope = SuccessSchema.safeParse(safeJson(text));
      return envelope.success ? envelope.data.result.data : undefined;
    },
    describe: (call) => `todos.${call}`,
    list: (headers, query = {}) => trpcQuery(http, 'todos.list', query, headers),
    get: (headers, id) => trpcQuery(http, 'todos.get', { id }, headers),
    create: (headers, body) => trpcMutation(http, 'todos.create', body, headers),
    update: (headers, id, changes) => trpcMutation(http, 'todos.update', { id, changes }, headers),
    remove: (headers, id) => trpcMutation(http, 'todos.remove', { id }, headers),
  };
}
