import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../shared/logger.js';
import type { ContextRequest, TrpcContext } from './context.js';
import { logError } from './errors.js';
import type { AppRouter } from './router.js';

export interface TrpcMiddlewareOptions {
  router: AppRouter;
  createContext: (request: ContextRequest) => Promise<TrpcContext>;
  logger: Logger;
}

/**
 * The Express glue of the tRPC API, mounted at `/api/trpc`: the context comes from the request
 * (the id set by the request-context middleware, the Authorization header), and every failed call
 * is logged once with the request id. `closeStreams` ends open subscription streams at shutdown:
 * the connection drops, so clients reconnect to the next instance (a completed subscription would not).
 */
export function trpcMiddleware({ router, createContext, logger }: TrpcMiddlewareOptions): {
  handler: RequestHandler;
  closeStreams: () => void;
} {
  const streams = new Set<Response>();
  const isStream = (req: Request) =>
    req.method === 'GET' && (req.get('accept')?.includes('text/event-stream') ?? false);
  const contextOf = (req: Request, res: Response) =>
    createContext({
      requestId: res.locals.requestId,
      authorization: req.get('authorization'),
      isStream: isStream(req),
    });
  // A stream's context was built (and its caller checked) before tRPC took over: reuse it.
  const built = new WeakMap<Request, TrpcContext>();
  const trpc = createExpressMiddleware({
    router,
    createContext: ({ req, res }) => {
      const context = built.get(req);
      return context === undefined ? contextOf(req, res) : Promise.resolve(context);
    },
    onError: ({ error, path }) => logError(logger, error, path),
  });
  return {
    handler: async (req, res, next) => {
      if (!isStream(req)) return trpc(req, res, next);
      // tRPC answers a subscription with 200 and sends any error inside the stream, where neither
      // EventSource nor the client's refresh-and-retry sees it: refuse here, as a 401 problem+json.
      built.set(req, await contextOf(req, res));
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return trpc(req, res, next);
    },
    closeStreams: () => {
      for (const res of streams) res.end();
    },
  };
}
