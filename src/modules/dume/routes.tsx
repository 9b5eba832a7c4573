import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import { activeMembership } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import type { PageContext } from '../../web/context.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { companyActor } from '../company-registry/index.js';
import { addNoticeSlot } from '../tenders/index.js';
import { espdCriteria } from './catalogue.js';
import { requestXml, responsePdf, responseXml } from './documents.js';
import { defaultAnswers } from './domain/criteria.js';
import { readEspdResponse } from './domain/importResponse.js';
import { requireBuyerOf, requireRespondent } from './policies.js';
import { type DumeTender, dumeCompany, dumeTender, storedAnswers } from './repo.js';
import { saveDumeAnswers } from './saveDumeAnswers.js';
import { DumePage } from './views/DumePage.js';

const hidden = { schema: { hide: true } };
const maxImportBytes = 5 * 1024 * 1024;
const pendingFiles = new WeakMap<FastifyRequest, MultipartFile>();

/** Fields before the file become `req.body` (CSRF token first); the file is read by the handler. */
async function fieldsBeforeFile(req: FastifyRequest): Promise<Record<string, string>> {
  req.isMultipart = () => true;
  const parts = req
    .parts({ limits: { fileSize: maxImportBytes, files: 1, fields: 5, fieldSize: 1000, parts: 6 } })
    [Symbol.asyncIterator]();
  const fields: Record<string, string> = {};
  for (;;) {
    const next = await parts.next();
    if (next.done) break;
    if (next.value.type === 'file') {
      pendingFiles.set(req, next.value);
      break;
    }
    if (typeof next.value.value === 'string') fields[next.value.fieldname] = next.value.value;
  }
  return fields;
}

function drain(req: FastifyRequest): void {
  const part = pendingFiles.get(req);
  if (part && !part.file.destroyed && !part.file.readableEnded) part.file.resume();
  req.raw.resume();
}

/** The notice page's part: the way to the ESPD for companies, the request XML for the tender's buyer. */
async function dumeSlot(
  db: Parameters<typeof dumeTender>[0],
  ctx: PageContext,
  tender: { reference: string; status: string },
) {
  if (tender.status === 'draft') return null;
  if (companyActor(ctx.principal)) {
    return (
      <p>
        <a href={`/consultations/${encodeURIComponent(tender.reference)}/dume`}>{ctx.t('dume.slot')}</a>
      </p>
    );
  }
  const membership = activeMembership(ctx.principal);
  if (membership?.organisationKind !== 'buyer') return null;
  const head = await dumeTender(db, tender.reference);
  if (head?.buyerId !== membership.organisationId) return null;
  return (
    <p>
      <a href={`/mon-espace/consultations/${encodeURIComponent(tender.reference)}/dume-demande.xml`}>
        {ctx.t('dume.buyer.request')}
      </a>
    </p>
  );
}

export async function dumeRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  addNoticeSlot('dume', dumeSlot);

  /** A tender companies may answer: published or later; a draft is a 404. */
  const publicTender = async (req: FastifyRequest): Promise<DumeTender> => {
    const { reference } = req.params as { reference: string };
    const tender = await dumeTender(rt.db, reference.replace(/\.(xml|pdf)$/, ''));
    if (!tender || tender.status === 'draft') throw new AppError('not_found');
    return tender;
  };

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; errors?: FieldError[]; status?: number } = {},
  ) => {
    const actor = requireRespondent(req.principal);
    const tender = await publicTender(req);
    const company = await dumeCompany(rt.db, actor.companyId);
    if (!company) throw new AppError('not_found');
    const criteria = espdCriteria();
    const stored = await storedAnswers(rt.db, tender.id, actor.companyId);
    return sendPage(
      reply,
      <DumePage
        ctx={pageContext(req)}
        tender={tender}
        company={company}
        criteria={criteria}
        answers={{ ...defaultAnswers(criteria), ...stored?.answers }}
        notice={extra.notice}
        errors={extra.errors}
      />,
      extra.status,
    );
  };

  app.get('/mon-espace/consultations/:reference/dume-demande.xml', hidden, async (req, reply) => {
    const { reference } = req.params as { reference: string };
    const tender = await dumeTender(rt.db, reference);
    if (!tender) throw new AppError('not_found');
    requireBuyerOf(req.principal, tender);
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="DUME-demande-${tender.reference}.xml"`)
      .header('cache-control', 'private, no-store')
      .send(requestXml(tender));
  });

  await app.register(async (scope) => {
    await scope.register(multipart);
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', fieldsBeforeFile);
    scope.addHook('onSend', async (req) => {
      if (pendingFiles.has(req)) drain(req);
    });

    scope.get('/consultations/:reference/dume', hidden, async (req, reply) => {
      const query = req.query as Record<string, unknown>;
      const count = typeof query.importe === 'string' && /^\d{1,3}$/.test(query.importe) ? Number(query.importe) : null;
      const notice =
        count !== null ? req.t('dume.imported', { count }) : query.fait === '1' ? req.t('dume.saved') : undefined;
      return show(req, reply, { notice });
    });

    scope.post('/consultations/:reference/dume', hidden, async (req, reply) => {
      const actor = requireRespondent(req.principal);
      const tender = await publicTender(req);
      const raw = (req.body as Record<string, unknown> | undefined)?.yes;
      const yes = new Set(
        Array.isArray(raw) ? raw.filter((v) => typeof v === 'string') : typeof raw === 'string' ? [raw] : [],
      );
      const answers = Object.fromEntries(espdCriteria().map((c) => [c.questionId, yes.has(c.questionId)]));
      await saveDumeAnswers(rt, actor, tender, answers, 'form', req.ip);
      return seeOther(reply, `/consultations/${encodeURIComponent(tender.reference)}/dume?fait=1`);
    });

    scope.post('/consultations/:reference/dume/import', hidden, async (req, reply) => {
      const actor = requireRespondent(req.principal);
      const tender = await publicTender(req);
      const part = pendingFiles.get(req);
      let text: string | null = null;
      if (part?.filename) {
        try {
          const buffer = await part.toBuffer();
          if (!part.file.truncated && buffer.length > 0) text = buffer.toString('utf8');
        } catch {
          text = null;
        }
      }
      drain(req);
      if (text === null)
        return show(req, reply, { errors: [{ field: 'file', message: 'dume.import.error.file' }], status: 400 });
      const result = readEspdResponse(text);
      if (!result.ok) {
        return show(req, reply, {
          errors: [{ field: 'file', message: `dume.import.error.${result.problem}` }],
          status: 400,
        });
      }
      const { answered } = await saveDumeAnswers(rt, actor, tender, result.answers, 'import', req.ip);
      return seeOther(reply, `/consultations/${encodeURIComponent(tender.reference)}/dume?importe=${answered}`);
    });
  });

  const exported = async (req: FastifyRequest) => {
    const actor = requireRespondent(req.principal);
    const tender = await publicTender(req);
    const company = await dumeCompany(rt.db, actor.companyId);
    if (!company) throw new AppError('not_found');
    const stored = await storedAnswers(rt.db, tender.id, actor.companyId);
    return { tender, company, answers: stored?.answers };
  };

  app.get('/consultations/:reference/dume.xml', hidden, async (req, reply) => {
    const { tender, company, answers } = await exported(req);
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="DUME-${tender.reference}-${company.siret}.xml"`)
      .header('cache-control', 'private, no-store')
      .send(responseXml(tender, company, answers));
  });

  app.get('/consultations/:reference/dume.pdf', hidden, async (req, reply) => {
    const { tender, company, answers } = await exported(req);
    const pdf = await responsePdf(tender, company, answers);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="DUME-${tender.reference}-${company.siret}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(pdf));
  });
}
