import type { Request, RequestHandler } from 'express';
import { UnauthorizedError } from '../shared/errors.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate` from a valid bearer token. */
      userId?: string;
    }
  }
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * Requires `Authorization: Bearer <access token>`. The header is the only place a token is read
 * from: never a query parameter, which would end up in logs and browser history.
 */
export function createAuthenticate(tokens: { verify(token: string): Promise<string> }): RequestHandler {
  return async (req, _res, next) => {
    const token = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (token === undefined) throw new UnauthorizedError('Send the access token as Authorization: Bearer <token>.');
    req.userId = await tokens.verify(token);
    next();
  };
}

/** The id `authenticate` established; a route that forgot the middleware fails closed. */
export function authenticatedUserId(req: Request): string {
  if (req.userId === undefined) throw new UnauthorizedError();
  return req.userId;
}
