import { expect } from 'vitest';

export interface StreamEvent {
  event: string;
  data: unknown;
}

export interface EventStreamClient {
  response: Response;
  /** The next event (comments excluded), waiting up to `timeoutMs`. */
  next(timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves once a comment line equal to `: <text>` has arrived. */
  comment(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * A minimal Server-Sent Events client over fetch (EventSource cannot send an Authorization header).
 * Resolves once the `: connected` comment has arrived, i.e. once the server has subscribed it.
 */
export async function openEventStream(url: string, headers: Record<string, string>): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  expect(response.status).toBe(200);
  if (response.body === null) throw new Error('the event stream has no body');

  const events: StreamEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const changed = () => new Promise<void>((resolve) => waiters.add(resolve));
  const wake = () => {
    for (const resolve of waiters) resolve();
    waiters.clear();
  };

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        let boundary = buffer.indexOf('\n\n');
        while (boundary !== -1) {
          parseBlock(buffer.slice(0, boundary), events, comments);
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
        }
        wake();
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    } finally {
      wake();
    }
  })();

  async function waitFor<T>(take: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = take();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([changed(), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
  }

  const client: EventStreamClient = {
    response,
    next: (timeoutMs = 2_000) => waitFor(() => events.shift(), 'event', timeoutMs),
    comment: async (text, timeoutMs = 2_000) => {
      await waitFor(() => (comments.includes(text) ? true : undefined), `": ${text}" comment`, timeoutMs);
    },
    ended,
    close: () => abort.abort(),
  };
  await client.comment('connected');
  return client;
}

function parseBlock(block: string, events: StreamEvent[], comments: string[]): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comments.push(line.slice(1).trim());
    else if (line.startsWith('event:')) event = line.slice('event:'.length).trim();
    else if (line.startsWith('data:')) data.push(line.slice('data:'.length).trimStart());
  }
  if (data.length > 0) events.push({ event, data: JSON.parse(data.join('\n')) });
}
