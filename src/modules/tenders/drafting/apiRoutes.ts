import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchCpvCodes } from './reference.js';

const cpvCode = z
  .object({
    code: z.string().describe('eight digits, as stored on tenders, e.g. 45210000'),
    codeWithCheckDigit: z.string().describe('the official form with its check digit, e.g. 45210000-2'),
    labelFr: z.string(),
    labelEn: z.string(),
  })
  .meta({ id: 'CpvCode' });

/** Public CPV search: used by the search-as-you-type island of the tender forms, and by anyone. */
export async function cpvApiRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/cpv',
    {
      schema: {
        summary: 'Search CPV 2008 codes',
        description:
          'Public, no token needed. Digits match the start of the code ("4521" → 45210000…); words match the start of words of the French or English label, accents ignored, every word must match. Broader codes first, at most 20 results.',
        tags: ['reference data'],
        querystring: z.object({
          q: z.string().trim().min(1).max(100).describe('code prefix or label words, e.g. "isolation" or "45210000"'),
        }),
        response: {
          200: z.object({ items: z.array(cpvCode).max(20) }),
        },
      },
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const items = searchCpvCodes(req.query.q, 20).map((e) => ({
        code: e.code,
        codeWithCheckDigit: `${e.code}-${e.checkDigit}`,
        labelFr: e.labelFr,
        labelEn: e.labelEn,
      }));
      // the list never changes while the process runs: let browsers keep answers a while
      reply.header('cache-control', 'public, max-age=3600');
      return { items };
    },
  );
}
