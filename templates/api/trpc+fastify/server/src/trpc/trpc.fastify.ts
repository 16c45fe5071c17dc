import type { IncomingMessage, ServerResponse } from 'node:http';
import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Logger } from '../shared/logger.js';
import type { ContextRequest, TrpcContext } from './context.js';
import { logError } from './errors.js';
import type { AppRouter } from './router.js';

export interface TrpcPluginOptions {
  router: AppRouter;
  createContext: (request: ContextRequest) => Promise<TrpcContext>;
  logger: Logger;
}

/** A subscription over Server-Sent Events, read from the raw request like any other header. */
const isStream = (raw: IncomingMessage) =>
  raw.method === 'GET' && (raw.headers.accept?.includes('text/event-stream') ?? false);

/**
 * The Fastify glue of the tRPC API, registered at `/api/trpc`: tRPC's Fastify request handler on an
 * encapsulated plugin's route, so root hooks (request id, access log, security headers, CORS, no-store) and
 * the problem+json error handler apply as to any route. The context comes from the raw request (the
 * id Fastify assigned, the Authorization header), and every failed call is logged once with the
 * request id. `closeStreams` ends open subscription streams at shutdown: the connection drops, so
 * clients reconnect to the next instance (a completed subscription would not).
 */
export function createTrpcPlugin({ router, createContext, logger }: TrpcPluginOptions): {
  plugin: FastifyPluginAsync;
  closeStreams: () => void;
} {
  const streams = new Set<ServerResponse>();
  const contextOf = (request: FastifyRequest) =>
    createContext({
      requestId: request.id,
      authorization: request.raw.headers.authorization,
      isStream: isStream(request.raw),
    });
  // A stream's context was built (and its caller checked) before tRPC took over: reuse it.
  const built = new WeakMap<FastifyRequest, TrpcContext>();
  const closeStreams = () => {
    for (const response of streams) response.end();
  };

  const plugin: FastifyPluginAsync = async (app) => {
    // tRPC answers a subscription with 200 and sends any error inside the stream, where neither
    // EventSource nor the client's refresh-and-retry sees it: refuse here, through the error
    // handler, as a 401 problem+json.
    app.addHook('preHandler', async (request, reply) => {
      if (!isStream(request.raw)) return;
      built.set(request, await contextOf(request));
      const response = reply.raw;
      streams.add(response);
      response.on('close', () => streams.delete(response));
    });
    app.addHook('preClose', (done) => {
      closeStreams();
      done();
    });

    // tRPC's handler on a route of our own rather than its `fastifyTRPCPlugin`: the plugin swaps
    // Fastify's JSON parser for a text pass-through, and tRPC reports unparsable JSON as a 500.
    // Here Fastify parses the body (limit, media type, malformed JSON: 4xx problem+json, as with
    // Express) and tRPC reads the parsed `request.body`.
    app.route<{ Params: { path: string } }>({
      method: ['GET', 'POST'],
      url: '/:path',
      handler: (request, reply) =>
        fastifyRequestHandler({
          router,
          req: request,
          res: reply,
          path: request.params.path,
          createContext: ({ req }) => {
            const context = built.get(req);
            return context === undefined ? contextOf(req) : Promise.resolve(context);
          },
          onError: ({ error, path }) => logError(logger, error, path),
        }),
    });
  };

  return { plugin, closeStreams };
}
