import { vi } from 'vitest';

/** A JSON answer as the server would send it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A problem+json error answer, shaped like the server's error handler output. */
export function problemResponse(status: number, extra: Record<string, unknown> = {}): Response {
  const body = {
    type: 'about:blank',
    title: `Status ${status}`,
    status,
    detail: 'server detail',
    request_id: 'req-1',
    ...extra,
  };
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

export type FetchHandler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** Replaces global fetch for one test (vitest restores it: `unstubGlobals`). */
export function mockFetch(handler: FetchHandler) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) =>
    Promise.resolve(handler(String(input), init)),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The Authorization header a mocked fetch call carried. */
export function authorizationOf(init: RequestInit | undefined): string | undefined {
  return new Headers(init?.headers).get('Authorization') ?? undefined;
}
