import type { RequestHandler } from 'express';
import { createAuditRecorder } from '../../audit/audit-log.js';
import { runWithRequestContext, type Logger } from '../logger.js';

/** Probes hit these every few seconds; their failures are logged where they happen. */
const QUIET_PATHS = new Set(['/health', '/ready']);

function statusLevel(statusCode: number): 'error' | 'warn' | 'info' {
  if (statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Access log: one line per request, written once its response is done (or the client went away),
 * carrying the request id (the logger's `request_id`). Method, URL, remote address, status and
 * time: no headers, so credentials cannot reach it. Written by hand rather than with pino-http,
 * which builds a child logger and serializes every request's headers, most of the middleware's
 * cost on a small answer. This file is replaced by the pack-audit-log template pack: every
 * request also passes the audit recorder.
 */
export function accessLog(logger: Logger): RequestHandler {
  const audit = createAuditRecorder(logger);
  return (req, res, next) => {
    audit(req, res);
    if (QUIET_PATHS.has(req.url)) {
      next();
      return;
    }
    const started = performance.now();
    // requestContext() runs first, so the id is fixed; 'close' fires outside the request's
    // async context, so the line re-enters it.
    const { requestId } = res.locals;
    res.once('close', () => {
      const statusCode = res.statusCode;
      const level = res.writableFinished ? statusLevel(statusCode) : 'warn';
      runWithRequestContext({ requestId }, () => {
        logger[level](
          {
            req: { method: req.method, url: req.originalUrl, remoteAddress: req.ip },
            res: { statusCode },
            responseTime: Math.round((performance.now() - started) * 10) / 10,
          },
          !res.writableFinished ? 'request aborted' : level === 'error' ? 'request failed' : 'request completed',
        );
      });
    });
    next();
  };
}
