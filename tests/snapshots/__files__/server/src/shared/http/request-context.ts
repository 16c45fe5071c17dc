import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runWithRequestContext } from '../logger.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Inbound ids are echoed into logs and headers, so only short, safe tokens are trusted. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

declare global {
  namespace Express {
    interface Locals {
      requestId: string;
    }
  }
}

/** The caller's id when it is a safe token (so a proxy's or client's id links the logs), else a new one. */
export function resolveRequestId(inbound: string | undefined): string {
  return inbound !== undefined && SAFE_REQUEST_ID.test(inbound) ? inbound : randomUUID();
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
