import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import { currentRequestId, type Logger } from '../logger.js';

/** Probes hit these every few seconds; their failures are logged where they happen. */
const QUIET_PATHS = new Set(['/health', '/ready']);

/**
 * Access log: one line when a request arrives and one when its response is done, both carrying
 * the request id (pino-http's `req.id` and the logger's `request_id`). Header redaction is the
 * logger's job, so authorization and cookies never reach the log.
 */
export function accessLog(logger: Logger) {
  return pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    // requestContext() runs first, so the id is already fixed.
    genReqId: () => currentRequestId() ?? randomUUID(),
    autoLogging: { ignore: (req) => QUIET_PATHS.has(req.url ?? '') },
    customReceivedMessage: () => 'request received',
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    // Request headers stay (redacted by the logger); of the response, the status is what matters.
    serializers: { res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) },
    customLogLevel: (_req, res, error) => {
      if (error !== undefined || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
  });
}
