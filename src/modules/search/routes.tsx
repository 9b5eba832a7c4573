import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../platform/runtime.js';
import { pageContext, sendPage } from '../../web/render.js';
import {
  categoryValues,
  clauseValues,
  deadlineValues,
  hasFilters,
  normaliseInput,
  procedureValues,
  type SearchInput,
  sortValues,
  statusValues,
  toQueryString,
} from './domain/query.js';
import { startMemorySearch } from './memorySearch.js';
import { renderResultSlots } from './resultSlots.js';
import { type SearchResult, searchTenders } from './searchTenders.js';
import { SearchPage } from './views/SearchPage.js';

/** A query-string value that may be given once or repeated (`?cpv=45&cpv=90`). */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));
const one = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v));

/**
 * Loose on purpose: unknown values, a 5,000-character text or a page of 10⁶ are cleaned into a
 * best-effort search (see `normaliseInput`), never answered with an error page.
 */
const searchQuery = z.object({
  q: one.describe('keywords; "exact phrase", -excluded; capped at 200 characters'),
  cpv: many.describe('CPV divisions (two digits), e.g. 45'),
  department: many.describe('department codes, e.g. 93, 2A'),
  procedure: many.describe(`procedure types: ${procedureValues.join(', ')}`),
  category: many.describe(`main categories: ${categoryValues.join(', ')}`),
  buyer: many.describe('buyer organisation ids (UUID)'),
  clause: many.describe(`clauses: ${clauseValues.join(', ')}`),
  deadline: one.describe(`submission deadline within the next ${deadlineValues.join(' or ')} days`),
  status: many.describe(`${statusValues.join(', ')}; none = open, closed and awarded`),
  sort: one.describe(`${sortValues.join(', ')}; default relevance (published without keywords)`),
  page: one.describe('page number, 1 to 500 (20 results per page)'),
});
type SearchQuery = z.infer<typeof searchQuery>;

function inputOf(query: SearchQuery): SearchInput {
  return { ...query };
}

const segment = z.object({ text: z.string(), highlighted: z.boolean() });
const facetValue = z.object({ value: z.string(), label: z.string().optional(), count: z.number().int() });
const instant = z.iso.datetime({ offset: true });
const searchResponse = z
  .object({
    query: z.string().describe('the text actually searched, after cleaning'),
    total: z.number().int().describe('exact, or a lower bound when totalIsLowerBound is true'),
    totalIsLowerBound: z
      .boolean()
      .describe('true when there are more than 1,000 matches: total is then 1000, meaning "more than 1,000"'),
    facetsApproximate: z
      .boolean()
      .describe('true when the facet counts were computed over the first 1,000 matches only (broad queries)'),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    fuzzy: z.boolean().describe('true when near matches (typos) were added to few exact results'),
    suggestions: z.array(z.string()).describe('buyer names close to the text, when nothing matched'),
    items: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        source: z.string().describe("'halle', or the platform an imported tender comes from"),
        sourceUrl: z.string().nullable(),
        title: z.string(),
        titleSegments: z.array(segment),
        excerpt: z.array(segment).describe('excerpt split into plain and highlighted segments (no HTML)'),
        buyer: z.object({ id: z.string().nullable(), name: z.string() }),
        department: z.string().nullable(),
        procedureType: z.string(),
        mainCategory: z.string(),
        cpvCodes: z.array(z.string()),
        status: z.enum(statusValues),
        publishedAt: instant,
        submissionDeadline: instant.nullable(),
        noticeUrl: z.string(),
      }),
    ),
    facets: z.object({
      cpv: z.array(facetValue),
      department: z.array(facetValue),
      procedure: z.array(facetValue),
      category: z.array(facetValue),
      buyer: z.array(facetValue),
      clause: z.array(facetValue),
      deadline: z.array(facetValue),
      status: z.array(facetValue),
    }),
  })
  .meta({ id: 'TenderSearchResult' });

function toApi(result: SearchResult, publicUrl: string): z.infer<typeof searchResponse> {
  const empty = {
    cpv: [],
    department: [],
    procedure: [],
    category: [],
    buyer: [],
    clause: [],
    deadline: [],
    status: [],
  };
  return {
    query: result.query,
    total: result.total,
    totalIsLowerBound: result.totalIsLowerBound,
    facetsApproximate: result.facetsApproximate,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
    fuzzy: result.fuzzy,
    suggestions: result.suggestions,
    items: result.items.map((h) => ({
      id: h.tenderId,
      reference: h.reference,
      source: h.source,
      sourceUrl: h.sourceUrl,
      title: h.title,
      titleSegments: h.titleSegments,
      excerpt: h.excerpt,
      buyer: { id: h.buyerId, name: h.buyerName },
      department: h.department,
      procedureType: h.procedure,
      mainCategory: h.category,
      cpvCodes: h.cpvCodes,
      status: h.publicStatus,
      publishedAt: h.publishedAt.toISOString(),
      submissionDeadline: h.submissionDeadline ? h.submissionDeadline.toISOString() : null,
      noticeUrl: h.source === 'halle' || !h.sourceUrl ? `${publicUrl}/consultations/${h.reference}` : h.sourceUrl,
    })),
    facets: result.facets ?? empty,
  };
}

export async function searchRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  if (rt.config.searchMemoryIndex) {
    const memory = await startMemorySearch(rt.db, { logger: rt.logger });
    app.addHook('onClose', async () => memory.stop());
  }
  const hidden = { schema: { hide: true } };

  app.get('/recherche', hidden, async (req, reply) => {
    const parsed = searchQuery.safeParse(req.query ?? {});
    const query: SearchQuery = parsed.success ? parsed.data : searchQuery.parse({});
    let input = inputOf(query);
    // the landing page (no text, no filter): the latest tenders still open, with their count
    const landing = !normaliseInput(input).q && !hasFilters(normaliseInput(input));
    if (landing) input = { ...input, status: ['open'] };
    const result = await searchTenders(rt.db, input);
    const ctx = pageContext(req);
    // forms beside the results come back to this very page; a very long URL is replaced by its cleaned form
    const back = req.url.length <= 500 ? req.url : `/recherche?${toQueryString(result.input, { page: result.page })}`;
    const extras = await renderResultSlots(rt.db, ctx, result.items, back);
    return sendPage(
      reply,
      <SearchPage ctx={ctx} result={result} rawQuery={query.q ?? ''} landing={landing} extras={extras} />,
    );
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/search/tenders',
    {
      schema: {
        tags: ['search'],
        operationId: 'searchTenders',
        summary: 'Full-text search of public tenders with filters and facet counts (no token needed)',
        security: [],
        querystring: searchQuery,
        response: {
          200: {
            description: 'A page of results, with facet counts.',
            content: { 'application/json': { schema: searchResponse } },
          },
        },
      },
    },
    async (req) => toApi(await searchTenders(rt.db, inputOf(req.query)), rt.config.publicUrl),
  );
}
