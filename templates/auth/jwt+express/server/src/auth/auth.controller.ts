import { CredentialsSchema } from '@app/shared';
import type { CookieOptions, Request, Response } from 'express';
import { parseBody } from '../shared/http/validate.js';
import { authenticatedUserId } from './auth.middleware.js';
import type { AuthService, AuthSession } from './auth.service.js';

export const REFRESH_COOKIE = 'refresh_token';

/**
 * The refresh token lives only in this cookie: httpOnly (no script can read it), SameSite=Strict
 * (never sent by other sites), and scoped to /api/auth so no other request carries it.
 */
export function refreshCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, secure, sameSite: 'strict', path: '/api/auth' };
}

/** The refresh cookie, as parsed by cookie-parser on the routes that need it. */
function refreshTokenOf(req: Request): string | undefined {
  const cookies: unknown = req.cookies;
  if (typeof cookies !== 'object' || cookies === null || !(REFRESH_COOKIE in cookies)) return undefined;
  const value = cookies[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function createAuthController(auth: AuthService, { secureCookies }: { secureCookies: boolean }) {
  const cookie = refreshCookieOptions(secureCookies);

  function sendSession(res: Response, status: number, session: AuthSession): void {
    res.cookie(REFRESH_COOKIE, session.refreshToken.value, {
      ...cookie,
      maxAge: Math.max(0, session.refreshToken.expiresAt.getTime() - Date.now()),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).json({ user: session.user, accessToken: session.accessToken });
  }

  return {
    async register(req: Request, res: Response): Promise<void> {
      sendSession(res, 201, await auth.register(parseBody(CredentialsSchema, req)));
    },

    async login(req: Request, res: Response): Promise<void> {
      sendSession(res, 200, await auth.login(parseBody(CredentialsSchema, req)));
    },

    async refresh(req: Request, res: Response): Promise<void> {
      try {
        sendSession(res, 200, await auth.refresh(refreshTokenOf(req)));
      } catch (error) {
        // A refused token is dead for good: drop it from the browser too.
        res.clearCookie(REFRESH_COOKIE, cookie);
        throw error;
      }
    },

    async logout(req: Request, res: Response): Promise<void> {
      await auth.logout(refreshTokenOf(req));
      res.clearCookie(REFRESH_COOKIE, cookie);
      res.status(204).end();
    },

    async me(req: Request, res: Response): Promise<void> {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ user: await auth.me(authenticatedUserId(req)) });
    },
  };
}

export type AuthController = ReturnType<typeof createAuthController>;
