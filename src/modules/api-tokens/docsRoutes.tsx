import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../platform/runtime.js';
import { pageContext, sendPage } from '../../web/render.js';
import { ApiDocsPage, type OpenApiDocument } from './views/ApiDocsPage.js';

/**
 * The OpenAPI document, as @fastify/swagger builds it from the routes' zod schemas, and a
 * French page rendered from it on the server: readable without JavaScript, printable, and
 * never out of step with the routes.
 */
export async function docsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const hidden = { schema: { hide: true } };

  app.get('/api/openapi.json', hidden, async (_req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(app.swagger()),
  );

  app.get('/api/docs', hidden, async (req, reply) =>
    sendPage(
      reply,
      <ApiDocsPage
        ctx={pageContext(req)}
        document={app.swagger() as unknown as OpenApiDocument}
        baseUrl={rt.config.publicUrl}
      />,
    ),
  );
}
