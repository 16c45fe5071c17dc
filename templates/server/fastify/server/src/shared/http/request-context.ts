import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { runWithRequestContext, type Logger } from '../logger.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';

/** Probes hit these every few seconds; their failures are logged where they happen. */
const QUIET_PATHS = new Set(['/health', '/ready']);

/** Fastify's `genReqId`: the caller's `x-request-id` when it is a safe token, a new UUID otherwise. */
export function requestIdOf(raw: IncomingMessage): string {
  return resolveRequestId(raw.headers[REQUEST_ID_HEADER]);
}

function statusLevel(statusCode: number): 'error' | 'warn' | 'info' {
  if (statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Request context and access log, as root hooks (fastify-plugin lifts them out of their own scope,
 * so every plugin's routes and the 404 handler get them): echo the request id in `x-request-id`,
 * run the request inside an AsyncLocalStorage context so every log line written for it carries
 * `request_id`, and log one line per request once its response is done (method, URL, remote
 * address, status, time; no headers, so credentials cannot reach it). Fastify's own request
 * logging is off (`disableRequestLogging`) so these lines look the same as the rest.
 */
const requestContextPlugin: FastifyPluginAsync<{ logger: Logger }> = async (app, { logger }) => {
  const quiet = (request: FastifyRequest) => QUIET_PATHS.has(request.url);

  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    runWithRequestContext({ requestId: request.id }, done);
  });

  // The body is read from socket events, outside the context entered above: enter it again, so
  // validation, handlers and everything they await log with the request id.
  app.addHook('preValidation', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    runWithRequestContext({ requestId: request.id }, done);
  });

  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!quiet(request)) {
      runWithRequestContext({ requestId: request.id }, () => {
        const level = statusLevel(reply.statusCode);
        logger[level](
          {
            req: { method: request.method, url: request.url, remoteAddress: request.ip },
            res: { statusCode: reply.statusCode },
            responseTime: reply.elapsedTime,
          },
          level === 'error' ? 'request failed' : 'request completed',
        );
      });
    }
    done();
  });
};
export const requestContext = fp(requestContextPlugin, { name: 'request-context' });
