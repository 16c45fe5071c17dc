import type { Problem } from '@app/shared';

/**
 * tRPC answers as the server sends them to the non-batching link the tests use (`render.tsx`):
 * `{result: {data}}`, or `{error}` with the problem in `data.problem` and the HTTP status.
 */
export function trpcResponse(data: unknown): Response {
  return new Response(JSON.stringify({ result: { data } }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function trpcErrorResponse(status: number, extra: Partial<Problem> = {}): Response {
  const problem: Problem = {
    type: 'about:blank',
    title: `Status ${status}`,
    status,
    detail: 'server detail',
    request_id: 'req-1',
    ...extra,
  };
  const body = {
    error: { message: problem.detail, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: status, problem } },
  };
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The procedure a mocked fetch call went to, e.g. `todos.update`, and its JSON input. */
export function procedureOf(url: string): { path: string; input: unknown } {
  const parsed = new URL(url, 'http://localhost');
  const input = parsed.searchParams.get('input');
  return { path: parsed.pathname.replace(/^\/api\/trpc\//, ''), input: input === null ? undefined : JSON.parse(input) };
}
