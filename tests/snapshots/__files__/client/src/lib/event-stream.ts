import { ApiError, send } from './api-client';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type Backoff } from './reconnect';

export interface ServerSentEvent {
  /** The `event:` field; `message` when the server sent none. */
  event: string;
  /** Every `data:` line of the event, joined with '\n'. */
  data: string;
}

/**
 * Incremental text/event-stream parser following the WHATWG rules: feed it decoded text as it
 * arrives (chunks split lines anywhere) and it calls `onEvent` for each complete event.
 * Comments such as `: heartbeat` keep the connection alive and are dropped.
 */
export function createEventParser(onEvent: (event: ServerSentEvent) => void): { push: (chunk: string) => void } {
  let pending = '';
  let eventName = '';
  let data: string[] = [];

  function dispatch(): void {
    if (data.length > 0) onEvent({ event: eventName || 'message', data: data.join('\n') });
    eventName = '';
    data = [];
  }

  function processLine(line: string): void {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
    // `id` and `retry` are not used by this app; unknown fields are ignored by the spec.
  }

  return {
    push(chunk: string): void {
      pending += chunk;
      // A trailing '\r' may be the first half of '\r\n': keep it until more text arrives.
      const end = pending.endsWith('\r') ? pending.length - 1 : pending.length;
      const lines = pending.slice(0, end).split(/\r\n|\r|\n/);
      pending = (lines.pop() ?? '') + pending.slice(end);
      for (const line of lines) processLine(line);
    },
  };
}

export interface EventStreamOptions {
  path: string;
  signal: AbortSignal;
  onEvent: (event: ServerSentEvent) => void;
  /** Called on each successful connection; `reconnected` is false the first time. */
  onOpen?: (info: { reconnected: boolean }) => void;
  backoff?: Backoff;
}

/**
 * Keeps an event stream open until `signal` aborts. Uses fetch rather than EventSource so the
 * access token travels in the Authorization header (never in the URL), and a 401 goes through
 * the API client's refresh. Reconnects with backoff when the stream fails or ends; stops on a
 * client error (4xx other than 429) that retrying cannot fix, such as a refused refresh.
 */
export async function connectEventStream(options: EventStreamOptions): Promise<void> {
  const { path, signal, onEvent, onOpen, backoff = DEFAULT_BACKOFF } = options;
  let attempt = 0;
  let connectedBefore = false;
  while (!signal.aborted) {
    try {
      const response = await send(path, { headers: { Accept: 'text/event-stream' }, signal });
      onOpen?.({ reconnected: connectedBefore });
      connectedBefore = true;
      attempt = 0;
      await readEvents(response, onEvent);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.status < 500 && error.status !== 429) return;
    }
    if (signal.aborted) return;
    await sleep(backoffDelay(attempt, backoff), signal);
    attempt += 1;
  }
}

async function readEvents(response: Response, onEvent: (event: ServerSentEvent) => void): Promise<void> {
  if (!response.body) return;
  const parser = createEventParser(onEvent);
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.push(decoder.decode(value, { stream: true }));
  }
}
