import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../platform/runtime.js';
import { marchesJson, marchesXml } from './domain/decp.js';
import { allDecpRecords } from './repo.js';

/**
 * Public export of the essential data (DECP) of every contract of the platform, in the official
 * 2022 format (schema 2.0.3): each publication (notification, modification, subcontracting act)
 * is one "marche" object, in publication order. Free access, no token needed, like the tenders.
 */
const marche = z
  .record(z.string(), z.unknown())
  .describe('a "marche" object of the DECP 2022 schema (schema_decp_v2.0.3.json), as published');

export async function decpApiRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/decp.json',
    {
      schema: {
        tags: ['essential data'],
        operationId: 'decpJson',
        summary: 'Essential data (DECP 2022) of every published contract, JSON (no token needed)',
        description:
          'Every publication of essential data on the platform (at notification, then at each modification and subcontracting act), append-only, valid against the official DECP 2022 JSON schema (format-commande-publique, v2.0.3).',
        security: [],
        response: {
          200: {
            description: 'The essential data, `{ "marches": { "marche": [...] } }`.',
            content: { 'application/json': { schema: z.object({ marches: z.object({ marche: z.array(marche) }) }) } },
          },
        },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return marchesJson(await allDecpRecords(rt.db));
    },
  );

  api.get(
    '/api/v1/decp.xml',
    {
      schema: {
        tags: ['essential data'],
        operationId: 'decpXml',
        summary: 'Essential data (DECP 2022) of every published contract, XML (no token needed)',
        description:
          'The same publications as decp.json, as an XML document valid against the official XSD (schema_decp_v2.0.2.xsd): `<marches>` with one `<marche>` per publication.',
        security: [],
        response: {
          200: {
            description: 'The essential data as XML.',
            content: { 'application/xml': { schema: z.string() } },
          },
        },
      },
    },
    async (_req, reply) => {
      const xml = marchesXml(await allDecpRecords(rt.db));
      return reply.header('cache-control', 'public, max-age=300').type('application/xml; charset=utf-8').send(xml);
    },
  );
}
