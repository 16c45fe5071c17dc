import type { FastifyPluginAsync } from 'fastify';

/**
 * `GET /api/openapi.json`. The document is built at its first request and kept: converting every
 * schema to JSON Schema would otherwise be a tenth of the server's start-up.
 */
export const openApiRoutes: FastifyPluginAsync<{ buildDocument: () => object }> = async (app, { buildDocument }) => {
  let document: object | undefined;
  app.get('/openapi.json', async () => (document ??= buildDocument()));
};
