import express, { type Express } from 'express';
import type { Config } from './config.js';
import { healthRoutes } from './health/health.routes.js';
import { buildOpenApiDocument } from './openapi/openapi.js';
import { openApiRoutes } from './openapi/openapi.routes.js';
import { TodoEventBus } from './realtime/event-bus.js';
import { eventStreamRoutes } from './realtime/sse.routes.js';
import type { Database } from './shared/database/database.js';
import { accessLog } from './shared/http/access-log.js';
import { errorHandler, notFoundHandler } from './shared/http/error-handler.js';
import { requestContext } from './shared/http/request-context.js';
import { corsPolicy, securityHeaders } from './shared/http/security.js';
import type { Logger } from './shared/logger.js';
import { createTodoController } from './todos/todo.controller.js';
import { SqlTodoRepository } from './todos/todo.repository.js';
import { todoRoutes } from './todos/todo.routes.js';
import { TodoService } from './todos/todo.service.js';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  database: Database;
}

export interface App {
  express: Express;
  /** Ends long-lived responses (event streams) so that the HTTP server can close. */
  closeStreams: () => void;
}

/** Largest JSON body accepted; anything bigger is a 413 before it is parsed. */
const JSON_BODY_LIMIT = '100kb';

/**
 * The app factory and composition root: builds repositories, services and controllers from their
 * dependencies and mounts them in the guide's middleware order (request id, logging, security
 * headers, CORS, rate limit, body parsing, auth, validation, handler, error handler).
 * `main.ts` and the integration tests both call it, so tests exercise what ships.
 */
export function createApp({ config, logger, database }: AppDependencies): App {
  const events = new TodoEventBus(logger);
  const todos = new TodoService({ todos: new SqlTodoRepository(database), events, logger });
  const streams = eventStreamRoutes({ events, heartbeatMs: config.realtime.heartbeatMs, logger });

  const app = express();
  app.disable('x-powered-by');
  // Only as many proxies as really sit in front: `true` would let clients spoof X-Forwarded-For.
  app.set('trust proxy', config.http.trustProxyHops);

  app.use(requestContext());
  app.use(accessLog(logger));
  app.use(securityHeaders({ isProduction: config.isProduction }));
  app.use(corsPolicy(config.http.corsOrigins));
  // API answers are per user and change often: no browser or proxy may cache them.
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(express.json({ limit: JSON_BODY_LIMIT }));

  app.use(healthRoutes({ database, logger }));
  app.use('/api', openApiRoutes(buildOpenApiDocument()));
  app.use('/api/todos', todoRoutes(createTodoController(todos)));
  app.use('/api/events', streams.router);

  app.use(notFoundHandler());
  app.use(errorHandler(logger));

  return { express: app, closeStreams: streams.closeAll };
}
