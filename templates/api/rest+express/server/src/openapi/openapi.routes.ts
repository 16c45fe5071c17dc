import { Router } from 'express';

/** `GET /api/openapi.json`: the document is built once, at start-up. */
export function openApiRoutes(document: object): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
