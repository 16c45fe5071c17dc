/** Server-Sent Events over fetch: an incremental parser and a stream that checks can wait on. */
import { describe, type HttpResponse } from './http.js';
import { CheckFailure, errorMessage } from './runner.js';

export interface SseEvent {
  event: string;
  data: string;
  id: string | undefined;
  /** performance.now() when the event was complete. */
  receivedAt: number;
}

export interface SseComment {
  text: string;
  receivedAt: number;
}

/** The WHATWG event-stream grammar, fed chunk by chunk. */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventName = '';
  private lastId: string | undefined;

  feed(chunk: string, now = performance.now()): { events: SseEvent[]; comments: SseComment[] } {
    const events: SseEvent[] = [];
    const comments: SseComment[] = [];
    this.buffer += chunk;
    // A trailing '\r' may be the first half of '\r\n': keep it until the next chunk.
    const lines = this.buffer.split(/\r\n|\r(?!$)|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.data.length) {
          events.push({ event: this.eventName || 'message', data: this.data.join('\n'), id: this.lastId, receivedAt: now });
        }
        this.data = [];
        this.eventName = '';
      } else if (line.startsWith(':')) {
        comments.push({ text: line.slice(1).trim(), receivedAt: now });
      } else {
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') this.data.push(value);
        else if (field === 'event') this.eventName = value;
        else if (field === 'id' && !value.includes('\0')) this.lastId = value;
      }
    }
    return { events, comments };
  }
}

/** How a stream ended: `server` = the response ended cleanly; `error` = the connection broke. */
export interface StreamEnd {
  by: 'server' | 'client' | 'error';
  at: number;
  error?: string;
}

interface Waiter {
  match: (event: SseEvent) => boolean;
  resolve: (event: SseEvent) => void;
  reject: (error: Error) => void;
  what: string;
}

export class EventStream {
  readonly events: SseEvent[] = [];
  readonly comments: SseComment[] = [];
  readonly closed: Promise<StreamEnd>;
  private ended: StreamEnd | undefined;
  private waiters = new Set<Waiter>();

  constructor(
    readonly label: string,
    readonly openedAt: number,
    body: ReadableStream<Uint8Array>,
    private readonly controller: AbortController,
  ) {
    this.closed = this.pump(body);
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<StreamEnd> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    let end: StreamEnd;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const { events, comments } = parser.feed(decoder.decode(value, { stream: true }));
        this.comments.push(...comments);
        for (const event of events) this.dispatch(event);
      }
      end = { by: 'server', at: performance.now() };
    } catch (error) {
      end = this.controller.signal.aborted
        ? { by: 'client', at: performance.now() }
        : { by: 'error', at: performance.now(), error: errorMessage(error) };
    }
    this.ended = end;
    for (const waiter of this.waiters) {
      waiter.reject(new CheckFailure(`${this.label}: stream ended (${describeEnd(end)}) before ${waiter.what}`));
    }
    this.waiters.clear();
    return end;
  }

  private dispatch(event: SseEvent): void {
    this.events.push(event);
    for (const waiter of this.waiters) {
      if (waiter.match(event)) {
        this.waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  }

  /** The first event (already received or coming) that matches, or a failure after `timeoutMs`. */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs: number, what: string): Promise<SseEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    if (this.ended) return Promise.reject(new CheckFailure(`${this.label}: stream ended (${describeEnd(this.ended)}) before ${what}`));
    return new Promise<SseEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const got = this.events.map((e) => e.event);
        reject(new CheckFailure(`${this.label}: no ${what} within ${timeoutMs} ms (received: ${got.length ? got.join(', ') : 'no events'})`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        what,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Closes the stream from our side; resolves once the reader stopped. */
  async close(): Promise<StreamEnd> {
    if (!this.ended) this.controller.abort();
    return this.closed;
  }
}

export function describeEnd(end: StreamEnd): string {
  if (end.by === 'server') return 'ended by the server';
  if (end.by === 'client') return 'closed by us';
  return `connection broke: ${end.error ?? 'unknown error'}`;
}

/**
 * Opens `GET url` as an event stream. Resolves with the stream when it answers 200
 * text/event-stream, otherwise with the response read (up to 1 s of body) for the message.
 */
export async function tryOpenEventStream(
  label: string,
  url: URL,
  headers: Record<string, string>,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<{ stream: EventStream } | { refused: HttpResponse }> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const request = `GET ${url.pathname}`;
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  } catch (error) {
    options.signal?.removeEventListener('abort', onAbort);
    options.signal?.throwIfAborted();
    throw new CheckFailure(
      controller.signal.aborted ? `${label}: ${request} sent no headers within ${timeoutMs} ms` : `${label}: ${request} failed: ${errorMessage(error)}`,
    );
  } finally {
    clearTimeout(timer);
  }
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !type.startsWith('text/event-stream') || !res.body) {
    const text = await readHead(res, controller);
    options.signal?.removeEventListener('abort', onAbort);
    return { refused: { request, status: res.status, headers: res.headers, text, ms: Math.round(performance.now() - started) } };
  }
  const stream = new EventStream(label, performance.now(), res.body, controller);
  void stream.closed.then(() => options.signal?.removeEventListener('abort', onAbort));
  return { stream };
}

/** Opens an event stream, or fails with what the server answered instead. */
export async function openEventStream(
  label: string,
  url: URL,
  headers: Record<string, string>,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<EventStream> {
  const opened = await tryOpenEventStream(label, url, headers, options);
  if ('stream' in opened) return opened.stream;
  throw new CheckFailure(`${label}: expected 200 text/event-stream: ${describe(opened.refused)}`);
}

/** Up to 1 s of a response that is not an event stream, for the message; then drop it. */
async function readHead(res: Response, controller: AbortController): Promise<string> {
  const timer = setTimeout(() => controller.abort(), 1_000);
  try {
    return await res.text();
  } catch (error) {
    return `(body unreadable: ${errorMessage(error)})`;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
