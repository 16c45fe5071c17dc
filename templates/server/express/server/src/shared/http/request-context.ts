import type { RequestHandler } from 'express';
import { runWithRequestContext } from '../logger.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';

declare global {
  namespace Express {
    interface Locals {
      requestId: string;
    }
  }
}

/**
 * First middleware: fixes the request id, returns it in `x-request-id`, and runs the rest of the
 * request inside an AsyncLocalStorage context so every log line written for it carries `request_id`.
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const requestId = resolveRequestId(req.get(REQUEST_ID_HEADER));
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runWithRequestContext({ requestId }, next);
  };
}
