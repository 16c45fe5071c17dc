import { describe, expect, it, vi } from 'vitest';
import { mockFetch, problemResponse } from '../test/http';
import { connectEventStream, createEventParser, type ServerSentEvent } from './event-stream';

function parse(...chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = createEventParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

/** An event-stream response whose body yields the given chunks, then ends. */
function streamResponse(...chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('createEventParser', () => {
  it('parses named events and joins multi-line data with newlines', () => {
    expect(parse('event: todo.created\ndata: {"a":\ndata: 1}\n\n')).toEqual([
      { event: 'todo.created', data: '{"a":\n1}' },
    ]);
  });

  it('ignores comments such as heartbeats', () => {
    expect(parse(': heartbeat\n\n', ':\n', 'data: x\n: in between\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('handles lines split across chunks, CRLF split between chunks, and CR line ends', () => {
    expect(
      parse('eve', 'nt: todo.deleted\r', '\ndata: {"id":"1"}\r\n', '\r\n', 'data:no-space\r\r', ': next\n'),
    ).toEqual([
      { event: 'todo.deleted', data: '{"id":"1"}' },
      { event: 'message', data: 'no-space' },
    ]);
  });

  it('waits for the blank line before dispatching, and resets the event name after it', () => {
    const events: ServerSentEvent[] = [];
    const parser = createEventParser((event) => events.push(event));
    parser.push('event: todo.updated\ndata: 1\n');
    expect(events).toEqual([]);
    parser.push('\ndata: 2\n\n');
    expect(events).toEqual([
      { event: 'todo.updated', data: '1' },
      { event: 'message', data: '2' },
    ]);
  });
});

describe('connectEventStream', () => {
  const fastBackoff = { baseMs: 1, maxMs: 2 };

  it('delivers events, reconnects when the stream ends, and stops on abort', async () => {
    const controller = new AbortController();
    const events: string[] = [];
    const opens: boolean[] = [];
    const fetchMock = mockFetch(() => streamResponse('event: todo.created\n', 'data: {}\n\n'));

    const done = connectEventStream({
      path: '/api/events',
      signal: controller.signal,
      backoff: fastBackoff,
      onOpen: ({ reconnected }) => opens.push(reconnected),
      onEvent: (event) => {
        events.push(event.event);
        if (events.length === 2) controller.abort();
      },
    });
    await done;

    expect(events).toEqual(['todo.created', 'todo.created']);
    expect(opens).toEqual([false, true]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('Accept')).toBe('text/event-stream');
  });

  it('retries after network errors and server errors', async () => {
    const controller = new AbortController();
    let calls = 0;
    mockFetch(() => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      if (calls === 2) return problemResponse(503);
      return streamResponse('data: ok\n\n');
    });

    const onEvent = vi.fn(() => controller.abort());
    await connectEventStream({ path: '/api/events', signal: controller.signal, backoff: fastBackoff, onEvent });

    expect(calls).toBe(3);
    expect(onEvent).toHaveBeenCalledWith({ event: 'message', data: 'ok' });
  });

  it('backs off further after each failure and starts over after a successful connection', async () => {
    const controller = new AbortController();
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    let calls = 0;
    mockFetch(() => {
      calls += 1;
      if (calls <= 2) throw new TypeError('Failed to fetch');
      return streamResponse(`data: ${calls}\n\n`);
    });

    await connectEventStream({
      path: '/api/events',
      signal: controller.signal,
      backoff: { baseMs: 1, maxMs: 1_000 },
      onEvent: (event) => {
        if (event.data === '4') controller.abort();
      },
    });

    const delays = setTimeoutSpy.mock.calls.map(([, ms]) => ms);
    expect(delays).toEqual([1, 2, 1]);
  });

  it('gives up on a client error that retrying cannot fix', async () => {
    const fetchMock = mockFetch(() => problemResponse(403));
    await connectEventStream({
      path: '/api/events',
      signal: new AbortController().signal,
      backoff: fastBackoff,
      onEvent: () => undefined,
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
