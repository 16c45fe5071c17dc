import { CredentialsSchema } from '@app/shared';
import type { FastifyPluginAsync, onRequestHookHandler } from 'fastify';
import { authRateLimit } from '../shared/http/security.js';
import type { ZodTypeProvider } from '../shared/http/validate.js';
import { createAuthController } from './auth.controller.js';
import type { AuthService } from './auth.service.js';

export interface AuthRoutesOptions {
  auth: AuthService;
  authenticate: onRequestHookHandler;
  secureCookies: boolean;
  rateLimit: { max: number; windowMs: number };
}

/**
 * `/api/auth`, an encapsulated plugin: the per-IP rate limit applies to these routes only. Only
 * refresh and logout read the refresh cookie; `me` needs the bearer token.
 */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (
  app,
  { auth, authenticate, secureCookies, rateLimit },
) => {
  await app.register(authRateLimit, rateLimit);
  const controller = createAuthController(auth, { secureCookies });
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post('/register', { schema: { body: CredentialsSchema } }, controller.register);
  routes.post('/login', { schema: { body: CredentialsSchema } }, controller.login);
  routes.post('/refresh', controller.refresh);
  routes.post('/logout', controller.logout);
  routes.get('/me', { onRequest: authenticate }, controller.me);
};
