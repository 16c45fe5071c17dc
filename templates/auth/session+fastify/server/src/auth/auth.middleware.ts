import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../shared/errors.js';
import type { ActiveSession, AuthService } from './auth.service.js';
import { sessionTokenFromCookieHeader } from './session-cookie.js';
import { csrfTokenMatches } from './session-tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` from a live session (both decorated as undefined in app.ts). */
    userId: string | undefined;
    authSession: ActiveSession | undefined;
  }
}

export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The session cookie of the request; the cookie is the only place the id is read from. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return sessionTokenFromCookieHeader(request.headers.cookie);
}

/**
 * A state-changing request must echo the session's synchronizer token in `X-CSRF-Token`: another
 * site can make the browser send the cookie, but it cannot read the token to send it back.
 */
export function assertCsrf(request: FastifyRequest, session: ActiveSession): void {
  if (!isStateChanging(request.method)) return;
  const given = request.headers[CSRF_HEADER.toLowerCase()];
  if (!csrfTokenMatches(session.csrfToken, typeof given === 'string' ? given : undefined)) {
    throw new ForbiddenError(
      `Missing or invalid CSRF token: send the token from /api/auth/csrf in the ${CSRF_HEADER} header.`,
    );
  }
}

/**
 * An onRequest hook requiring a live session (401) and, on POST/PUT/PATCH/DELETE, its CSRF token
 * (403), before the body is even read; plugins that need a user add it.
 */
export function createAuthenticate(auth: AuthService): onRequestHookHandler {
  return async (request) => {
    const session = await auth.authenticate(sessionTokenOf(request));
    assertCsrf(request, session);
    request.authSession = session;
    request.userId = session.userId;
  };
}

/** The id `authenticate` established; a route that forgot the hook fails closed. */
export function authenticatedUserId(request: FastifyRequest): string {
  if (request.userId === undefined) throw new UnauthorizedError();
  return request.userId;
}

export function authenticatedSession(request: FastifyRequest): ActiveSession {
  if (request.authSession === undefined) throw new UnauthorizedError();
  return request.authSession;
}
