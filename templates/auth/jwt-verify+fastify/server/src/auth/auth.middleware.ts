import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { UnauthorizedError } from '../shared/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` from a valid bearer token (decorated as undefined in app.ts). */
    userId: string | undefined;
  }
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * An onRequest hook requiring `Authorization: Bearer <access token>`; plugins that need a user add it.
 * The header is the only place a token is read from: never a query parameter, which would end up
 * in logs and browser history.
 */
export function createAuthenticate(tokens: { verify(token: string): Promise<string> }): onRequestHookHandler {
  return async (request) => {
    const header = request.headers.authorization;
    const token = BEARER.exec(typeof header === 'string' ? header : '')?.[1];
    if (token === undefined) throw new UnauthorizedError('Send the access token as Authorization: Bearer <token>.');
    request.userId = await tokens.verify(token);
  };
}

/** The id `authenticate` established; a route that forgot the hook fails closed. */
export function authenticatedUserId(request: FastifyRequest): string {
  if (request.userId === undefined) throw new UnauthorizedError();
  return request.userId;
}
