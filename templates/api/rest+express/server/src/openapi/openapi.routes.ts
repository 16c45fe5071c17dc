import { Router } from 'express';

/**
 * `GET /api/openapi.json`. The document is built at its first request and kept: converting every
 * schema to JSON Schema would otherwise be a tenth of the server's start-up.
 */
export function openApiRoutes(buildDocument: () => object): Router {
  const router = Router();
  let document: object | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= buildDocument();
    res.json(document);
  });
  return router;
}
