import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { RequestHandler, Response } from 'express';
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
export function trpcMiddleware({ router, createContext, logger }: TrpcMiddlewareOptions): { handler: RequestHandler; closeStreams: () => void } {
  const streams = new Set<Response>();
  const trpc = createExpressMiddleware({
    router,
    createContext: ({ req, res }) => createContext({ requestId: res.locals.requestId, authorization: req.get('authorization') }),
    onError: ({ error, path }) => logError(logger, error, path),
  });
  return {
    handler: (req, res, next) => {
      if (req.method === 'GET' && req.get('accept')?.includes('text/event-stream')) {
        streams.add(res);
        res.on('close', () => streams.delete(res));
      }
      return trpc(req, res, next);
    },
    closeStreams: () => {
      for (const res of streams) res.end();
    },
  };
}
