import type { Request, RequestHandler } from 'express';
import { ForbiddenError, UnauthorizedError } from '../shared/errors.js';
import type { ActiveSession, AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { csrfTokenMatches } from './session-tokens.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate` from a live session. */
      userId?: string;
      authSession?: ActiveSession;
    }
  }
}

export { SESSION_COOKIE };
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The session cookie, as parsed by cookie-parser; the cookie is the only place the id is read from. */
export function sessionTokenOf(req: Request): string | undefined {
  const cookies: unknown = req.cookies;
  if (typeof cookies !== 'object' || cookies === null || !(SESSION_COOKIE in cookies)) return undefined;
  const value = cookies[SESSION_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A state-changing request must echo the session's synchronizer token in `X-CSRF-Token`: another
 * site can make the browser send the cookie, but it cannot read the token to send it back.
 */
export function assertCsrf(req: Request, session: ActiveSession): void {
  if (!isStateChanging(req.method)) return;
  if (!csrfTokenMatches(session.csrfToken, req.get(CSRF_HEADER))) {
    throw new ForbiddenError(
      `Missing or invalid CSRF token: send the token from /api/auth/csrf in the ${CSRF_HEADER} header.`,
    );
  }
}

/** Requires a live session (401) and, on POST/PUT/PATCH/DELETE, its CSRF token (403). */
export function createAuthenticate(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    const session = await auth.authenticate(sessionTokenOf(req));
    assertCsrf(req, session);
    req.authSession = session;
    req.userId = session.userId;
    next();
  };
}

/** The id `authenticate` established; a route that forgot the middleware fails closed. */
export function authenticatedUserId(req: Request): string {
  if (req.userId === undefined) throw new UnauthorizedError();
  return req.userId;
}

export function authenticatedSession(req: Request): ActiveSession {
  if (req.authSession === undefined) throw new UnauthorizedError();
  return req.authSession;
}
