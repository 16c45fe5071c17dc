import type { CredentialsSchema } from '@app/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodRequest } from '../shared/http/validate.js';
import { assertCsrf, authenticatedSession, authenticatedUserId, sessionTokenOf } from './auth.middleware.js';
import type { AuthService, SignedIn } from './auth.service.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';

type CredentialsRequest = ZodRequest<{ body: typeof CredentialsSchema }>;

export function createAuthController(auth: AuthService, { secureCookies }: { secureCookies: boolean }) {
  function sendSignedIn(reply: FastifyReply, status: number, { user, session }: SignedIn): FastifyReply {
    return reply
      .status(status)
      .header('Set-Cookie', sessionCookie(session.token, session.expiresAt, secureCookies))
      .header('Cache-Control', 'no-store')
      .send({ user, csrfToken: session.csrfToken });
  }

  return {
    /** Register and login destroy the session the request came with (rotation against fixation). */
    async register(request: CredentialsRequest, reply: FastifyReply) {
      return sendSignedIn(reply, 201, await auth.register(request.body, sessionTokenOf(request)));
    },

    async login(request: CredentialsRequest, reply: FastifyReply) {
      return sendSignedIn(reply, 200, await auth.login(request.body, sessionTokenOf(request)));
    },

    /** Ends this session server-side. Without a live session there is nothing to end: still 204. */
    async logout(request: FastifyRequest, reply: FastifyReply) {
      const session = await auth.resolve(sessionTokenOf(request));
      if (session !== null) {
        assertCsrf(request, session);
        await auth.logout(session);
      }
      return reply.status(204).header('Set-Cookie', clearedSessionCookie(secureCookies)).send();
    },

    /** Ends every session of the user, on every device (after `authenticate`, CSRF included). */
    async logoutEverywhere(request: FastifyRequest, reply: FastifyReply) {
      await auth.logoutEverywhere(authenticatedUserId(request));
      return reply.status(204).header('Set-Cookie', clearedSessionCookie(secureCookies)).send();
    },

    async me(request: FastifyRequest, reply: FastifyReply) {
      const user = await auth.me(authenticatedUserId(request));
      return reply
        .header('Cache-Control', 'no-store')
        .send({ user, csrfToken: authenticatedSession(request).csrfToken });
    },

    async csrf(request: FastifyRequest, reply: FastifyReply) {
      return reply.header('Cache-Control', 'no-store').send({ csrfToken: authenticatedSession(request).csrfToken });
    },
  };
}

export type AuthController = ReturnType<typeof createAuthController>;
