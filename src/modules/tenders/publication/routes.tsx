import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { activeMembership } from '../../../platform/http/principal.js';
import { formatParisDateTime, toParisInputs, tryParisLocalToUtc } from '../../../platform/i18n/paris-time.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { PageContext } from '../../../web/context.js';
import { type FormValues, formValues, parseForm } from '../../../web/forms.js';
import { requireSession } from '../../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../../web/render.js';
import { loadClarificationsSection } from '../clarifications/section.js';
import { ClarificationsSection } from '../clarifications/views/ClarificationsSection.js';
import { currentDocuments } from '../documents/repo.js';
import { DocumentsSection } from '../documents/views/DocumentsSection.js';
import { type CorrigendumField, type CorrigibleValues, fieldsCorrigibleIn } from '../domain/corrigendum.js';
import { canTransition } from '../domain/lifecycle.js';
import { canCreateTenders, canManageTender, canReadTender } from '../policies.js';
import { abandonTender } from './abandonTender.js';
import { publicationApiRoutes } from './apiRoutes.js';
import { buyerDashboard, dashboardPerStatus } from './buyerDashboard.js';
import { getNotice, type Notice } from './getNotice.js';
import { issueCorrigendum } from './issueCorrigendum.js';
import { listPublishedTenders, type PublicStatus } from './listPublishedTenders.js';
import { renderNoticeSlots } from './noticeSlots.js';
import { problemsBeforePublication, publishTender } from './publishTender.js';
import {
  abandonRecord,
  buyerNameOf,
  criteriaOf,
  documentsOfVersion,
  lotsOf,
  type TenderRow,
  tenderById,
  tenderHeadByReference,
} from './repo.js';
import { stagedDocumentCount } from './stagedDocuments.js';
import type { TenderTextSearch } from './textSearch.js';
import { AbandonPage } from './views/AbandonPage.js';
import { CorrigendumPage } from './views/CorrigendumPage.js';
import { DashboardPage } from './views/DashboardPage.js';
import { NoticePage } from './views/NoticePage.js';
import { PublicListPage } from './views/PublicListPage.js';
import { PublishPage } from './views/PublishPage.js';

const hidden = { schema: { hide: true } };
const listPageSize = 20;
const closedStatuses: PublicStatus[] = ['closed', 'opened', 'evaluation', 'awarded', 'unsuccessful', 'cancelled'];
const mib = 1024 * 1024;

type ReferenceParams = { reference: string };

/** A tender the signed-in agent manages; anything else (other buyer, unknown) is a 404. */
async function managedTender(rt: Runtime, req: FastifyRequest): Promise<TenderRow> {
  const principal = requireSession(req);
  const head = await tenderHeadByReference(rt.db, (req.params as ReferenceParams).reference);
  if (!head || !canManageTender(principal, head)) throw new AppError('not_found');
  return tenderById(rt.db, head.id);
}

function errorsOf(error: AppError): FieldError[] {
  return error.fields.length ? error.fields : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }];
}

// ---- corrigendum form -------------------------------------------------------------------------

const optionalText = (max: number, key: string) => z.string().trim().max(max, key).optional();

const corrigendumForm = z.object({
  reason: z
    .string('publication.corrigendum.reason.required')
    .trim()
    .min(1, 'publication.corrigendum.reason.required')
    .max(5000, 'publication.corrigendum.reason.too_long'),
  title: optionalText(300, 'publication.corrigendum.title.too_long'),
  description: z.string().max(20000, 'publication.corrigendum.description.too_long').optional(),
  submission_deadline_date: optionalText(20, 'publication.corrigendum.date.invalid'),
  submission_deadline_time: optionalText(20, 'publication.corrigendum.time.invalid'),
  candidature_deadline_date: optionalText(20, 'publication.corrigendum.date.invalid'),
  candidature_deadline_time: optionalText(20, 'publication.corrigendum.time.invalid'),
  questions_deadline_date: optionalText(20, 'publication.corrigendum.date.invalid'),
  questions_deadline_time: optionalText(20, 'publication.corrigendum.time.invalid'),
  contact_name: optionalText(200, 'publication.corrigendum.contact.too_long'),
  contact_email: z
    .string()
    .trim()
    .max(200, 'publication.corrigendum.contact_email.invalid')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'publication.corrigendum.contact_email.invalid')
    .optional(),
  contact_phone: optionalText(200, 'publication.corrigendum.contact.too_long'),
  max_file_size_mb: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, 'publication.corrigendum.max_file_size.invalid')
    .refine((v) => Number(v) >= 1 && Number(v) <= 100_000, 'publication.corrigendum.max_file_size.invalid')
    .optional(),
  include_documents: z.literal('on').optional(),
});

/** The form's initial values: the tender as it is, deadlines in Paris wall-clock time. */
function corrigendumValuesOf(tender: TenderRow): FormValues {
  const values: FormValues = {
    title: tender.title,
    description: tender.description,
    contact_name: tender.contact_name ?? '',
    contact_email: tender.contact_email ?? '',
    contact_phone: tender.contact_phone ?? '',
    max_file_size_mb: String(Math.max(1, Math.round(Number(tender.max_file_size_bytes) / mib))),
  };
  for (const field of ['submission_deadline', 'candidature_deadline', 'questions_deadline'] as const) {
    const value = tender[field];
    if (value) {
      const inputs = toParisInputs(value);
      values[`${field}_date`] = inputs.date;
      values[`${field}_time`] = inputs.time;
    }
  }
  return values;
}

/**
 * Turns the submitted form into proposed values (only the fields shown), or field errors.
 * The maximum size keeps the current byte value when the rounded figure was not changed.
 */
function proposedValues(
  data: z.output<typeof corrigendumForm>,
  tender: TenderRow,
  fields: CorrigendumField[],
): { values: Partial<CorrigibleValues>; errors: FieldError[] } {
  const values: Partial<CorrigibleValues> = {};
  const errors: FieldError[] = [];
  const text = (field: 'contact_name' | 'contact_email' | 'contact_phone') => {
    const value = data[field];
    if (fields.includes(field) && value !== undefined) values[field] = value.trim() === '' ? null : value.trim();
  };
  if (fields.includes('title') && data.title !== undefined) values.title = data.title;
  if (fields.includes('description') && data.description !== undefined) {
    values.description = data.description.replace(/\r\n/g, '\n').trim();
  }
  text('contact_name');
  text('contact_email');
  text('contact_phone');
  for (const field of ['submission_deadline', 'candidature_deadline', 'questions_deadline'] as const) {
    if (!fields.includes(field)) continue;
    const date = data[`${field}_date`];
    const time = data[`${field}_time`];
    if (date === undefined && time === undefined) continue;
    if (!date && !time) {
      values[field] = null;
      continue;
    }
    if (!date) {
      errors.push({ field: `${field}_date`, message: 'publication.corrigendum.date.invalid' });
      continue;
    }
    // the form shows deadlines to the minute: the same minute means "not changed", seconds kept
    const current = tender[field];
    const shown = current ? toParisInputs(current) : undefined;
    if (shown && shown.date === date && shown.time === time) continue;
    const parsed = tryParisLocalToUtc(date, time || '');
    if (parsed.ok) values[field] = parsed.value;
    else if (parsed.reason === 'invalid_date') {
      errors.push({ field: `${field}_date`, message: 'publication.corrigendum.date.invalid' });
    } else {
      errors.push({
        field: `${field}_time`,
        message:
          parsed.reason === 'nonexistent_time'
            ? 'publication.corrigendum.time.nonexistent'
            : 'publication.corrigendum.time.invalid',
      });
    }
  }
  if (fields.includes('max_file_size_bytes') && data.max_file_size_mb !== undefined) {
    const current = Number(tender.max_file_size_bytes);
    const mb = Number(data.max_file_size_mb);
    values.max_file_size_bytes = Math.round(current / mib) === mb ? current : mb * mib;
  }
  return { values, errors };
}

/** Problems of the use case name tender fields; the form shows them on its inputs. */
function formFieldOf(field: string): string {
  if (field.endsWith('_deadline')) return `${field}_date`;
  if (field === 'max_file_size_bytes') return 'max_file_size_mb';
  return field;
}

function corrigendumRefusal(tender: TenderRow, now: Date): string | undefined {
  if (tender.status !== 'published') return 'publication.corrigendum.not_published';
  if (tender.submission_deadline && tender.submission_deadline.getTime() <= now.getTime()) {
    return 'publication.corrigendum.deadline_passed';
  }
  return undefined;
}

/** The confirmation shown to the buyer after publishing or issuing a corrigendum (303 back here). */
function flashOf(ctx: PageContext, query: unknown, notice: Notice): string | undefined {
  const { t } = ctx;
  const q = (query ?? {}) as Record<string, unknown>;
  const { tender } = notice;
  if (q.publiee === '1' && tender.status === 'published' && tender.submission_deadline) {
    return t('publication.publish.done', { deadline: formatParisDateTime(tender.submission_deadline, ctx.locale) });
  }
  const number = Number(q.rectificatif);
  if (Number.isInteger(number) && notice.corrigenda.some((c) => c.number === number)) {
    return t('publication.corrigendum.done', { number });
  }
  return undefined;
}

// ---- abandon form -----------------------------------------------------------------------------

const abandonForm = z.object({
  event: z.enum(['cancel', 'declareUnsuccessful'], 'publication.abandon.choice.required'),
  reason: z
    .string('publication.abandon.reason.required')
    .trim()
    .min(1, 'publication.abandon.reason.required')
    .max(5000, 'publication.abandon.reason.too_long'),
});

const listQuery = z.object({
  statut: z.enum(['en-cours', 'cloturees']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function publicationRoutes(
  app: FastifyInstance,
  rt: Runtime,
  textSearch?: TenderTextSearch,
): Promise<void> {
  // ---- public pages ----

  app.get('/consultations', hidden, async (req, reply) => {
    const query = listQuery.parse(req.query ?? {});
    const statuses: PublicStatus[] | undefined =
      query.statut === 'en-cours' ? ['published'] : query.statut === 'cloturees' ? closedStatuses : undefined;
    const { items, total } = await listPublishedTenders(rt.db, {
      page: query.page,
      pageSize: listPageSize,
      ...(statuses ? { statuses } : {}),
    });
    return sendPage(
      reply,
      <PublicListPage
        ctx={pageContext(req)}
        items={items}
        total={total}
        page={query.page}
        pageSize={listPageSize}
        filter={query.statut}
      />,
    );
  });

  app.get<{ Params: ReferenceParams }>('/consultations/:reference', hidden, async (req, reply) => {
    const head = await tenderHeadByReference(rt.db, req.params.reference);
    // a draft does not exist for anyone but its buyer
    if (!head || !canReadTender(req.principal, head)) throw new AppError('not_found');
    const notice = await getNotice(rt.db, head.id);
    const { tender } = notice;
    const [documents, clarifications] = await Promise.all([
      currentDocuments(rt.db, tender.id, tender.dce_version),
      loadClarificationsSection(
        rt.db,
        {
          id: tender.id,
          buyerId: tender.buyer_id,
          reference: tender.reference,
          status: tender.status,
          questionsDeadline: tender.questions_deadline,
          submissionDeadline: tender.submission_deadline,
        },
        req.principal,
        req.query,
      ),
    ]);
    const ctx = pageContext(req);
    const now = new Date();
    const canManage = canManageTender(req.principal, head);
    const slots = await renderNoticeSlots(rt.db, ctx, tender);
    return sendPage(
      reply,
      <NoticePage
        ctx={ctx}
        notice={notice}
        now={now}
        canManage={canManage}
        flash={canManage ? flashOf(ctx, req.query, notice) : undefined}
        documentsSection={
          <DocumentsSection
            ctx={ctx}
            tender={{ reference: tender.reference, dceVersion: tender.dce_version }}
            documents={documents}
          />
        }
        questionsSection={<ClarificationsSection ctx={ctx} {...clarifications} now={now} />}
        slots={slots}
      />,
    );
  });

  // ---- buyer space ----

  app.get('/mon-espace/consultations', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const buyer = canCreateTenders(principal);
    if (!buyer) throw new AppError('forbidden');
    const now = new Date();
    const dashboard = await buyerDashboard(rt.db, buyer.buyerId, now);
    return sendPage(
      reply,
      <DashboardPage
        ctx={pageContext(req)}
        dashboard={dashboard}
        organisationName={activeMembership(principal)?.organisationName ?? ''}
        now={now}
        perStatus={dashboardPerStatus}
      />,
    );
  });

  async function renderPublish(req: FastifyRequest, reply: FastifyReply, tender: TenderRow, status = 200) {
    const now = new Date();
    const [lots, criteria, documents, problems] = await Promise.all([
      lotsOf(rt.db, tender.id),
      criteriaOf(rt.db, tender.id),
      documentsOfVersion(rt.db, tender.id, tender.dce_version),
      tender.status === 'draft' ? problemsBeforePublication(rt.db, tender, now) : Promise.resolve([]),
    ]);
    return sendPage(
      reply,
      <PublishPage
        ctx={pageContext(req)}
        tender={tender}
        lotCount={lots.length}
        criteria={criteria}
        documentCount={documents.length}
        problems={problems}
        publicUrl={rt.config.publicUrl}
        now={now}
      />,
      status,
    );
  }

  app.get<{ Params: ReferenceParams }>('/mon-espace/consultations/:reference/publier', hidden, async (req, reply) =>
    renderPublish(req, reply, await managedTender(rt, req)),
  );

  app.post<{ Params: ReferenceParams }>('/mon-espace/consultations/:reference/publier', hidden, async (req, reply) => {
    const principal = requireSession(req);
    try {
      const published = await publishTender(rt, principal, req.params.reference, { ip: req.ip });
      return seeOther(reply, `/consultations/${published.reference}?publiee=1`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'not_found') throw error;
      // the page lists the problems found now (the same ones the use case refused)
      return renderPublish(req, reply, await managedTender(rt, req), error.status);
    }
  });

  async function renderCorrigendum(
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderRow,
    form: { values?: FormValues; errors?: FieldError[]; status?: number } = {},
  ) {
    const refusal = corrigendumRefusal(tender, new Date());
    const staged = refusal ? 0 : await rt.db.transaction().execute((trx) => stagedDocumentCount(trx, tender));
    const ctx = pageContext(req);
    return sendPage(
      reply,
      <CorrigendumPage
        ctx={ctx}
        tender={tender}
        fields={fieldsCorrigibleIn(tender.status)}
        values={form.values ?? corrigendumValuesOf(tender)}
        errors={form.errors ?? []}
        stagedDocuments={staged}
        refusal={refusal ? ctx.t(refusal as 'publication.corrigendum.not_published') : undefined}
      />,
      form.status ?? (refusal ? 409 : 200),
    );
  }

  app.get<{ Params: ReferenceParams }>(
    '/mon-espace/consultations/:reference/rectificatif',
    hidden,
    async (req, reply) => renderCorrigendum(req, reply, await managedTender(rt, req)),
  );

  app.post<{ Params: ReferenceParams }>(
    '/mon-espace/consultations/:reference/rectificatif',
    hidden,
    async (req, reply) => {
      const principal = requireSession(req);
      const tender = await managedTender(rt, req);
      const values = formValues(req.body);
      const form = parseForm(corrigendumForm, req.body);
      if (!form.ok) {
        return renderCorrigendum(req, reply, tender, { values, errors: form.errors, status: 400 });
      }
      const fields = fieldsCorrigibleIn(tender.status);
      const proposed = proposedValues(form.data, tender, fields);
      if (proposed.errors.length > 0) {
        return renderCorrigendum(req, reply, tender, { values, errors: proposed.errors, status: 400 });
      }
      try {
        const { number } = await issueCorrigendum(
          rt,
          principal,
          req.params.reference,
          { reason: form.data.reason, values: proposed.values, includeDocuments: form.data.include_documents === 'on' },
          { ip: req.ip },
        );
        return seeOther(reply, `/consultations/${tender.reference}?rectificatif=${number}#rectificatif-${number}`);
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'not_found') throw error;
        const errors = errorsOf(error).map((e) => ({ ...e, field: formFieldOf(e.field) }));
        const fresh = await tenderById(rt.db, tender.id);
        return renderCorrigendum(req, reply, fresh, { values, errors, status: error.status });
      }
    },
  );

  async function renderAbandon(
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderRow,
    form: { values?: FormValues; errors?: FieldError[]; status?: number } = {},
  ) {
    const [buyerName, record] = await Promise.all([
      buyerNameOf(rt.db, tender.buyer_id),
      abandonRecord(rt.db, tender.id),
    ]);
    const allowed = canTransition(tender.status, 'cancel') || canTransition(tender.status, 'declareUnsuccessful');
    return sendPage(
      reply,
      <AbandonPage
        ctx={pageContext(req)}
        tender={tender}
        buyerName={buyerName}
        allowed={allowed}
        proof={record ? { at: record.occurred_at, byName: record.name } : undefined}
        values={form.values ?? {}}
        errors={form.errors ?? []}
      />,
      form.status ?? 200,
    );
  }

  app.get<{ Params: ReferenceParams }>('/mon-espace/consultations/:reference/abandon', hidden, async (req, reply) =>
    renderAbandon(req, reply, await managedTender(rt, req)),
  );

  app.post<{ Params: ReferenceParams }>('/mon-espace/consultations/:reference/abandon', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const tender = await managedTender(rt, req);
    const form = parseForm(abandonForm, req.body);
    if (!form.ok) return renderAbandon(req, reply, tender, { values: form.values, errors: form.errors, status: 400 });
    try {
      await abandonTender(rt, principal, req.params.reference, form.data, { ip: req.ip });
      return seeOther(reply, `/mon-espace/consultations/${tender.reference}/abandon`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'not_found') throw error;
      const fresh = await tenderById(rt.db, tender.id);
      return renderAbandon(req, reply, fresh, {
        values: formValues(req.body),
        errors: errorsOf(error),
        status: error.status,
      });
    }
  });

  await publicationApiRoutes(app, rt, textSearch);
}
