import type { CredentialsSchema } from '@app/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodRequest } from '../shared/http/validate.js';
import { authenticatedUserId } from './auth.middleware.js';
import type { AuthService, AuthSession } from './auth.service.js';
import { clearedRefreshCookie, refreshCookie, refreshTokenFrom } from './refresh-cookie.js';

type CredentialsRequest = ZodRequest<{ body: typeof CredentialsSchema }>;

export function createAuthController(auth: AuthService, { secureCookies }: { secureCookies: boolean }) {
  function sendSession(reply: FastifyReply, status: number, session: AuthSession): FastifyReply {
    return reply
      .status(status)
      .header('Set-Cookie', refreshCookie(session.refreshToken.value, session.refreshToken.expiresAt, secureCookies))
      .header('Cache-Control', 'no-store')
      .send({ user: session.user, accessToken: session.accessToken });
  }

  return {
    async register(request: CredentialsRequest, reply: FastifyReply) {
      return sendSession(reply, 201, await auth.register(request.body));
    },

    async login(request: CredentialsRequest, reply: FastifyReply) {
      return sendSession(reply, 200, await auth.login(request.body));
    },

    async refresh(request: FastifyRequest, reply: FastifyReply) {
      try {
        return sendSession(reply, 200, await auth.refresh(refreshTokenFrom(request.headers.cookie)));
      } catch (error) {
        // A refused token is dead for good: drop it from the browser too (the error handler keeps the header).
        void reply.header('Set-Cookie', clearedRefreshCookie(secureCookies));
        throw error;
      }
    },

    async logout(request: FastifyRequest, reply: FastifyReply) {
      await auth.logout(refreshTokenFrom(request.headers.cookie));
      return reply.status(204).header('Set-Cookie', clearedRefreshCookie(secureCookies)).send();
    },

    async me(request: FastifyRequest, reply: FastifyReply) {
      return reply.header('Cache-Control', 'no-store').send({ user: await auth.me(authenticatedUserId(request)) });
    },
  };
}

export type AuthController = ReturnType<typeof createAuthController>;
