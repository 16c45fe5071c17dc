import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckFailure } from '../../src/verify/runner.js';
import { openEventStream, SseParser, tryOpenEventStream } from '../../src/verify/sse.js';

describe('SseParser', () => {
  it('parses named events, multi-line data, ids and comments', () => {
    const parser = new SseParser();
    const out = parser.feed(': heartbeat\n\nevent: todo.created\nid: 7\ndata: {"a":1}\n\ndata: line1\ndata:line2\n\n', 5);
    expect(out.comments).toEqual([{ text: 'heartbeat', receivedAt: 5 }]);
    expect(out.events).toEqual([
      { event: 'todo.created', data: '{"a":1}', id: '7', receivedAt: 5 },
      { event: 'message', data: 'line1\nline2', id: '7', receivedAt: 5 },
    ]);
  });

  it('reassembles events split across chunks, including a CRLF split in two', () => {
    const parser = new SseParser();
    expect(parser.feed('event: todo.del').events).toEqual([]);
    expect(parser.feed('eted\r').events).toEqual([]);
    expect(parser.feed('\ndata: {"id":1}\r\n').events).toEqual([]);
    const { events } = parser.feed('\r\n');
    expect(events.map((e) => [e.event, e.data])).toEqual([['todo.deleted', '{"id":1}']]);
  });

  it('accepts CR-only line ends and ignores events without data and unknown fields', () => {
    const parser = new SseParser();
    // a final CR may be half of a CRLF, so that blank line is only known with the next chunk
    expect(parser.feed('event: empty\r\rretry: 10\rfoo: bar\rdata: x\r\r').events).toEqual([]);
    const { events } = parser.feed(': next\n');
    expect(events.map((e) => [e.event, e.data])).toEqual([['message', 'x']]);
  });
});

describe('EventStream', () => {
  const open = new Set<ServerResponse>();
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    for (const res of open) res.end();
    open.clear();
    await close?.();
  });

  async function serve(handler: (res: ServerResponse) => void): Promise<URL> {
    const server = createServer((_req, res) => {
      open.add(res);
      handler(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/events`);
  }

  it('waits for a matching event and reports the end by the server', async () => {
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': hi\n\n');
      setTimeout(() => res.end('event: ping\ndata: 1\n\n'), 50);
    });
    const stream = await openEventStream('s', url, {});
    const event = await stream.waitFor((e) => e.event === 'ping', 1_000, 'ping');
    expect(event.data).toBe('1');
    expect((await stream.closed).by).toBe('server');
    expect(stream.comments.map((c) => c.text)).toEqual(['hi']);
  });

  it('fails a wait with what it received instead', async () => {
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: other\ndata: {}\n\n');
    });
    const stream = await openEventStream('stream B', url, {});
    await expect(stream.waitFor((e) => e.event === 'todo.created', 100, 'todo.created event')).rejects.toThrow(
      'stream B: no todo.created event within 100 ms (received: other)',
    );
    expect((await stream.close()).by).toBe('client');
  });

  it('reports a cut connection as an error, and a refused stream with its response', async () => {
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n');
      setTimeout(() => res.destroy(), 20);
    });
    const stream = await openEventStream('s', url, {});
    expect((await stream.closed).by).toBe('error');

    const refusedUrl = await serve((res) => res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"status":401}'));
    const opened = await tryOpenEventStream('s', refusedUrl, {});
    expect('refused' in opened && opened.refused.status).toBe(401);
    await expect(openEventStream('s', refusedUrl, {})).rejects.toThrow(CheckFailure);
    await expect(openEventStream('s', refusedUrl, {})).rejects.toThrow('401 application/problem+json');
  });
});
