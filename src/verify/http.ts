/** fetch with a timeout, a cookie jar, and responses read whole so checks can quote them. */
import type { CookieJar } from './cookies.js';
import { CheckFailure, errorMessage } from './runner.js';

/**
 * A correctness bound, not a speed target: registering hashes a password with scrypt at OWASP's
 * cost, which takes seconds on a busy 2-core CI machine running several projects at once.
 */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Cookies are sent from and stored into this jar. */
  jar?: CookieJar;
  timeoutMs?: number;
}

export interface HttpResponse {
  /** `METHOD /path`, for messages. */
  request: string;
  status: number;
  headers: Headers;
  text: string;
  /** Time to the whole body. */
  ms: number;
}

export class HttpClient {
  constructor(
    readonly baseUrl: string,
    private readonly signal?: AbortSignal,
  ) {}

  url(path: string): URL {
    return new URL(path, this.baseUrl);
  }

  async request(path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const method = options.method ?? 'GET';
    const url = this.url(path);
    const request = `${method} ${url.pathname}${url.search}`;
    const headers = new Headers(options.headers);
    let body: string | undefined;
    if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.json);
    }
    const cookie = options.jar?.header(url.pathname);
    if (cookie) headers.set('cookie', cookie);
    const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
    const started = performance.now();
    try {
      const res = await fetch(url, { method, headers, body, signal, redirect: 'manual' });
      const text = await res.text();
      options.jar?.store(res.headers.getSetCookie(), url.pathname);
      return { request, status: res.status, headers: res.headers, text, ms: Math.round(performance.now() - started) };
    } catch (error) {
      this.signal?.throwIfAborted();
      if (timeout.aborted) throw new CheckFailure(`${request}: no complete answer within ${timeoutMs} ms`);
      throw new CheckFailure(`${request}: request failed: ${errorMessage(error)}`);
    }
  }
}

export function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
}

/** `GET /x -> 500 application/json: {...}`: the observed response in one line. */
export function describe(res: HttpResponse): string {
  const type = res.headers.get('content-type') ?? 'no content-type';
  return `${res.request} -> ${res.status} ${type}: ${excerpt(res.text)}`;
}

export function bearer(accessToken: string | undefined): Record<string, string> {
  return accessToken ? { authorization: `Bearer ${accessToken}` } : {};
}
