import { CredentialsSchema } from '@app/shared';
import type { CookieOptions, Request, Response } from 'express';
import { parseBody } from '../shared/http/validate.js';
import {
  assertCsrf,
  authenticatedSession,
  authenticatedUserId,
  SESSION_COOKIE,
  sessionTokenOf,
} from './auth.middleware.js';
import type { AuthService, SignedIn } from './auth.service.js';

/**
 * The session id lives only in this cookie: httpOnly (no script can read it), SameSite=Lax (not
 * sent on cross-site subrequests or form posts), Secure in production, and for the whole site,
 * because the API, the event stream and the built client share one origin.
 */
export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, secure, sameSite: 'lax', path: '/' };
}

export function createAuthController(auth: AuthService, { secureCookies }: { secureCookies: boolean }) {
  const cookie = sessionCookieOptions(secureCookies);

  function sendSignedIn(res: Response, status: number, { user, session }: SignedIn): void {
    res.cookie(SESSION_COOKIE, session.token, {
      ...cookie,
      maxAge: Math.max(0, session.expiresAt.getTime() - Date.now()),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).json({ user, csrfToken: session.csrfToken });
  }

  return {
    async register(req: Request, res: Response): Promise<void> {
      sendSignedIn(res, 201, await auth.register(parseBody(CredentialsSchema, req), sessionTokenOf(req)));
    },

    async login(req: Request, res: Response): Promise<void> {
      sendSignedIn(res, 200, await auth.login(parseBody(CredentialsSchema, req), sessionTokenOf(req)));
    },

    /** Ends this session server-side. Without a live session there is nothing to end: still 204. */
    async logout(req: Request, res: Response): Promise<void> {
      const session = await auth.resolve(sessionTokenOf(req));
      if (session !== null) {
        assertCsrf(req, session);
        await auth.logout(session);
      }
      res.clearCookie(SESSION_COOKIE, cookie);
      res.status(204).end();
    },

    /** Ends every session of the user, on every device (after `authenticate`, CSRF included). */
    async logoutEverywhere(req: Request, res: Response): Promise<void> {
      await auth.logoutEverywhere(authenticatedUserId(req));
      res.clearCookie(SESSION_COOKIE, cookie);
      res.status(204).end();
    },

    async me(req: Request, res: Response): Promise<void> {
      res.setHeader('Cache-Control', 'no-store');
      const user = await auth.me(authenticatedUserId(req));
      res.json({ user, csrfToken: authenticatedSession(req).csrfToken });
    },

    csrf(req: Request, res: Response): void {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ csrfToken: authenticatedSession(req).csrfToken });
    },
  };
}

export type AuthController = ReturnType<typeof createAuthController>;
