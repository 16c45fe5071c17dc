import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * Explicit timeouts rather than Node's defaults. `keepAliveTimeout` is longer than the idle
 * timeout of common load balancers (60 s), so a proxy never reuses a connection we just closed.
 */
export const SERVER_TIMEOUTS = {
  /** The whole request (headers and body) must arrive within this. Streaming responses are not affected. */
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 65_000,
} as const;

const inFlight = new WeakMap<Server, { count: number }>();

/**
 * Requests whose response has not closed yet, for servers made by `createHttpServer`. Shutdown needs
 * it: a connection with no request on it (a browser's preconnect) never counts as idle in Node.
 */
export function inFlightRequests(server: Server): number | undefined {
  return inFlight.get(server)?.count;
}

/**
 * A node:http server with the explicit timeouts and the in-flight request count shutdown needs.
 * Express passes its app as the handler; Fastify builds its server through this (`serverFactory`).
 */
export function createHttpServer(handler: RequestListener): Server {
  const server = createServer(handler);
  const requests = { count: 0 };
  inFlight.set(server, requests);
  server.on('request', (_request, response) => {
    requests.count += 1;
    response.once('close', () => {
      requests.count -= 1;
    });
  });
  server.requestTimeout = SERVER_TIMEOUTS.requestTimeoutMs;
  server.headersTimeout = SERVER_TIMEOUTS.headersTimeoutMs;
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveTimeoutMs;
  return server;
}

export async function listen(
  handler: RequestListener,
  { host, port }: { host: string; port: number },
): Promise<Server> {
  const server = createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** `http://host:port` of a listening server, for logs and tests. */
export function serverUrl(server: Server): string {
  const info = server.address();
  if (info === null || typeof info === 'string') throw new Error('the server is not listening on a TCP port');
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  return `http://${host}:${info.port}`;
}
