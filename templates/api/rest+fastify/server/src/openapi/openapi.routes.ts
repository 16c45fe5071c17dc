import type { FastifyPluginAsync } from 'fastify';

/** `GET /api/openapi.json`: the document is built once, at start-up. */
export const openApiRoutes: FastifyPluginAsync<{ document: object }> = async (app, { document }) => {
  app.get('/openapi.json', async () => document);
};
