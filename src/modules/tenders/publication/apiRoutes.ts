import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { corrigendumFields } from '../domain/corrigendum.js';
import { getNotice, type Notice } from './getNotice.js';
import {
  listPublishedTenders,
  type PublishedTenderSummary,
  publicStatuses,
  publishedTendersByIds,
} from './listPublishedTenders.js';
import { tenderHeadById } from './repo.js';
import type { TenderTextSearch } from './textSearch.js';

/**
 * Public API of published tenders: free access, no token needed (a token, when sent, must be
 * valid). Drafts never appear, not even to their buyer's token: the API is the public record.
 */
const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  instance: z.string().optional(),
});
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});
const ok = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const status = z.enum(publicStatuses).describe('published = open for bids; later states once the deadline passed');
const procedureType = z.enum([
  'adapted',
  'open',
  'restricted',
  'competitive_negotiation',
  'competitive_dialogue',
  'negotiated_without_notice',
  'design_contest',
]);
const mainCategory = z.enum(['works', 'goods', 'services']);
const instant = z.iso.datetime({ offset: true });
const clauses = z.object({
  reservedContract: z.enum(['siae', 'ea_esat']).nullable(),
  socialInsertion: z.boolean(),
  socialOther: z.boolean(),
  environmentalClause: z.boolean(),
  environmentalCriterion: z.boolean(),
});

const tenderSummary = z
  .object({
    id: z.uuid(),
    reference: z.string().describe('human reference, e.g. 2026-0042'),
    title: z.string(),
    status,
    buyer: z.object({ id: z.uuid(), name: z.string() }),
    procedureType,
    mainCategory,
    cpvCodes: z.array(z.string()).describe('CPV 2008 codes without check digit'),
    department: z.string().nullable(),
    estimatedValueCents: z.number().int().nullable().describe('EUR cents, excluding VAT'),
    submissionDeadline: instant.nullable(),
    publishedAt: instant,
    lotCount: z.number().int(),
    noticeUrl: z.url().describe('the public notice page'),
  })
  .meta({ id: 'TenderSummary' });

const tenderDetail = tenderSummary
  .extend({
    internalReference: z.string().nullable(),
    description: z.string(),
    nutsCode: z.string().nullable(),
    durationMonths: z.number().int().nullable(),
    variantsAllowed: z.boolean(),
    hasOptions: z.boolean(),
    optionsDescription: z.string().nullable(),
    clauses,
    candidatureDeadline: instant.nullable(),
    questionsDeadline: instant.nullable(),
    closedAt: instant.nullable(),
    statusReason: z.string().nullable().describe('reason of a cancellation or unsuccessful declaration'),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
    electronicSignatureRequired: z.boolean(),
    maxFileSizeBytes: z.number().int(),
    backupCopyAllowed: z.boolean(),
    dceVersion: z.number().int().describe('current version of the tender documents'),
    lots: z.array(
      z.object({
        id: z.uuid(),
        number: z.number().int(),
        title: z.string(),
        description: z.string(),
        cpvCodes: z.array(z.string()),
        estimatedValueCents: z.number().int().nullable(),
        clauses,
      }),
    ),
    awardCriteria: z.array(
      z.object({
        lotId: z.uuid().nullable().describe('null: applies to every lot'),
        position: z.number().int(),
        label: z.string(),
        kind: z.enum(['price', 'quality', 'environmental', 'social', 'other']),
        weightBasisPoints: z.number().int().describe('10000 = 100 %'),
      }),
    ),
    documents: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        type: z.enum(['rc', 'ccap', 'cctp', 'bpu', 'dqe', 'dpgf', 'ae', 'plans', 'other']),
        sizeBytes: z.number().int(),
        sha256: z.string(),
        addedInVersion: z.number().int(),
        downloadUrl: z.url(),
      }),
    ),
    corrigenda: z.array(
      z.object({
        number: z.number().int(),
        publishedAt: instant,
        reason: z.string(),
        dceVersion: z.number().int(),
        changes: z.array(
          z.object({
            field: z.enum(corrigendumFields),
            before: z.union([z.string(), z.number(), z.null()]),
            after: z.union([z.string(), z.number(), z.null()]),
          }),
        ),
      }),
    ),
    answers: z
      .array(
        z.object({
          number: z.number().int(),
          question: z.string(),
          answer: z.string(),
          answeredAt: instant.nullable(),
        }),
      )
      .describe('published answers; questions are anonymised'),
  })
  .meta({ id: 'Tender' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summaryOf(item: PublishedTenderSummary, publicUrl: string): z.infer<typeof tenderSummary> {
  return {
    id: item.id,
    reference: item.reference,
    title: item.title,
    status: item.status,
    buyer: { id: item.buyerId, name: item.buyerName },
    procedureType: item.procedureType,
    mainCategory: item.mainCategory,
    cpvCodes: item.cpvCodes,
    department: item.department,
    estimatedValueCents: item.estimatedValueCents,
    submissionDeadline: iso(item.submissionDeadline),
    publishedAt: item.publishedAt.toISOString(),
    lotCount: item.lotCount,
    noticeUrl: `${publicUrl}/consultations/${item.reference}`,
  };
}

function detailOf(notice: Notice, publicUrl: string): z.infer<typeof tenderDetail> {
  const { tender } = notice;
  const clausesOf = (c: (typeof notice.lots)[number] | typeof tender) => ({
    reservedContract: c.reserved_contract,
    socialInsertion: c.social_clause_insertion,
    socialOther: c.social_clause_other,
    environmentalClause: c.environmental_clause,
    environmentalCriterion: c.environmental_criterion,
  });
  const noticeUrl = `${publicUrl}/consultations/${tender.reference}`;
  return {
    ...summaryOf(
      {
        id: tender.id,
        reference: tender.reference,
        title: tender.title,
        status: tender.status as PublishedTenderSummary['status'],
        buyerId: tender.buyer_id,
        buyerName: notice.buyerName,
        procedureType: tender.procedure_type,
        mainCategory: tender.main_category,
        cpvCodes: tender.cpv_codes,
        department: tender.department,
        estimatedValueCents: tender.estimated_value_cents === null ? null : Number(tender.estimated_value_cents),
        submissionDeadline: tender.submission_deadline,
        publishedAt: tender.published_at ?? tender.created_at,
        lotCount: notice.lots.length,
      },
      publicUrl,
    ),
    internalReference: tender.internal_reference,
    description: tender.description,
    nutsCode: tender.nuts_code,
    durationMonths: tender.duration_months,
    variantsAllowed: tender.variants_allowed,
    hasOptions: tender.has_options,
    optionsDescription: tender.options_description,
    clauses: clausesOf(tender),
    candidatureDeadline: iso(tender.candidature_deadline),
    questionsDeadline: iso(tender.questions_deadline),
    closedAt: iso(tender.closed_at),
    statusReason: tender.status_reason,
    contact: { name: tender.contact_name, email: tender.contact_email, phone: tender.contact_phone },
    electronicSignatureRequired: tender.electronic_signature_required,
    maxFileSizeBytes: Number(tender.max_file_size_bytes),
    backupCopyAllowed: tender.backup_copy_allowed,
    dceVersion: tender.dce_version,
    lots: notice.lots.map((lot) => ({
      id: lot.id,
      number: lot.number,
      title: lot.title,
      description: lot.description,
      cpvCodes: lot.cpv_codes,
      estimatedValueCents: lot.estimated_value_cents === null ? null : Number(lot.estimated_value_cents),
      clauses: clausesOf(lot),
    })),
    awardCriteria: notice.criteria.map((c) => ({
      lotId: c.lot_id,
      position: c.position,
      label: c.label,
      kind: c.kind,
      weightBasisPoints: c.weight_bp,
    })),
    documents: notice.documents.map((d) => ({
      id: d.id,
      name: d.file_name,
      type: d.document_type,
      sizeBytes: Number(d.size_bytes),
      sha256: d.sha256.trim(),
      addedInVersion: d.added_in_version,
      downloadUrl: `${noticeUrl}/documents/${d.id}`,
    })),
    corrigenda: notice.corrigenda.map((c) => ({
      number: c.number,
      publishedAt: c.publishedAt.toISOString(),
      reason: c.reason,
      dceVersion: c.dceVersion,
      changes: c.changes,
    })),
    answers: notice.answers.map((a) => ({
      number: a.number,
      question: a.question,
      answer: a.answer ?? '',
      answeredAt: iso(a.answered_at),
    })),
  };
}

export async function publicationApiRoutes(
  app: FastifyInstance,
  rt: Runtime,
  textSearch?: TenderTextSearch,
): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const publicUrl = rt.config.publicUrl;

  api.get(
    '/api/v1/tenders',
    {
      schema: {
        tags: ['tenders'],
        operationId: 'listTenders',
        summary: 'Published tenders, newest publication first, or ranked by relevance with q (no token needed)',
        security: [],
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(10_000).default(1).describe('page number, from 1'),
          pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('items per page, 1 to 100'),
          status: status.optional().describe('only tenders in this state'),
          q: z
            .string()
            .max(5000)
            .optional()
            .describe('French full-text search (accents, case and plurals ignored); results ranked by relevance'),
        }),
        response: {
          200: ok(
            'A page of published tenders.',
            z.object({
              items: z.array(tenderSummary),
              page: z.number().int(),
              pageSize: z.number().int(),
              total: z.number().int(),
            }),
          ),
          400: problemResponse('Invalid parameter; `errors` says which.'),
        },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const q = req.query.q?.trim();
      if (q && textSearch) {
        const found = await textSearch(rt.db, { q, page, status: req.query.status });
        const items = await publishedTendersByIds(rt.db, found.ids);
        return {
          items: items.map((i) => summaryOf(i, publicUrl)),
          page,
          pageSize: found.pageSize,
          total: found.total,
        };
      }
      const result = await listPublishedTenders(rt.db, {
        page,
        pageSize,
        ...(req.query.status ? { statuses: [req.query.status] } : {}),
      });
      return { items: result.items.map((i) => summaryOf(i, publicUrl)), page, pageSize, total: result.total };
    },
  );

  api.get(
    '/api/v1/tenders/:id',
    {
      schema: {
        tags: ['tenders'],
        operationId: 'getTender',
        summary: 'A published tender with its lots, criteria, documents, corrigenda and answers (no token needed)',
        security: [],
        params: z.object({ id: z.string().max(100).describe('tender identifier (UUID)') }),
        response: {
          200: ok('The tender.', tenderDetail),
          404: problemResponse('No published tender with this identifier (drafts are never public).'),
        },
      },
    },
    async (req) => {
      const head = await tenderHeadById(rt.db, req.params.id);
      if (!head || head.status === 'draft')
        throw new AppError('not_found', { messageKey: 'publication.api.not_found' });
      return detailOf(await getNotice(rt.db, head.id), publicUrl);
    },
  );
}
