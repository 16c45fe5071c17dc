import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import type { Logger } from '../logger.js';

/**
 * Serves the built client (`npm run build` writes it to CLIENT_DIST_DIR) from the same origin as
 * the API. Hashed files under assets/ are cached for a year; index.html is revalidated every time,
 * and is the fallback for client-side routes: GET requests that accept HTML and are not /api/*.
 * Without a build (API-only development) it logs a warning and serves nothing.
 */
export function staticClient(distDir: string, logger: Logger): Router {
  const router = Router();
  const indexHtml = path.join(distDir, 'index.html');
  if (!existsSync(indexHtml)) {
    logger.warn({ distDir }, 'client build not found: serving the API only (run `npm run build` to serve the client)');
    return router;
  }

  router.use(
    express.static(distDir, {
      index: false,
      setHeaders: (res, file) => {
        const immutable = path.relative(distDir, file).startsWith(`assets${path.sep}`);
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get('/{*path}', (req, res, next) => {
    if (req.path === '/api' || req.path.startsWith('/api/') || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
