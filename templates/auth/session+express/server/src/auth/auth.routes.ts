import { Router, type RequestHandler } from 'express';
import type { AuthController } from './auth.controller.js';

/** `/api/auth`. Register and login start a new session; the rest need the current one. */
export function authRoutes(controller: AuthController, authenticate: RequestHandler): Router {
  const router = Router();
  router.post('/register', controller.register);
  router.post('/login', controller.login);
  router.post('/logout', controller.logout);
  router.post('/logout-all', authenticate, controller.logoutEverywhere);
  router.get('/me', authenticate, controller.me);
  router.get('/csrf', authenticate, controller.csrf);
  return router;
}
