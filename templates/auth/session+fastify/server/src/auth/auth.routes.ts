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
 * `/api/auth`, an encapsulated plugin: the per-IP rate limit applies to these routes only.
 * Register and login start a new session; the rest need the current one.
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
  routes.post('/logout', controller.logout);
  routes.post('/logout-all', { onRequest: authenticate }, controller.logoutEverywhere);
  routes.get('/me', { onRequest: authenticate }, controller.me);
  routes.get('/csrf', { onRequest: authenticate }, controller.csrf);
};
