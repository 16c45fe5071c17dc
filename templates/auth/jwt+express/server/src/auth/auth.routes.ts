import cookieParser from 'cookie-parser';
import { Router, type RequestHandler } from 'express';
import type { AuthController } from './auth.controller.js';

/** `/api/auth`. Only refresh and logout read the refresh cookie; `me` needs the bearer token. */
export function authRoutes(controller: AuthController, authenticate: RequestHandler): Router {
  const router = Router();
  const cookies = cookieParser();
  router.post('/register', controller.register);
  router.post('/login', controller.login);
  router.post('/refresh', cookies, controller.refresh);
  router.post('/logout', cookies, controller.logout);
  router.get('/me', authenticate, controller.me);
  return router;
}
