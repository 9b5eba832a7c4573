import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Admissibility, LotOutcome, OfferClassification } from '../../platform/db/schema.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { tryParisLocalToUtc } from '../../platform/i18n/paris-time.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, formValues } from '../../web/forms.js';
import { requireSession } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { addNoticeSlot } from '../tenders/index.js';
import { assessBids, type BidAssessment } from './assessBids.js';
import { awardNoticeSlot } from './awardNotice.js';
import { evaluatorTender, lotByNumber } from './context.js';
import { decideLot } from './decideLot.js';
import { admissibilities, classifications } from './domain/classification.js';
import { evaluationStatuses, isEvaluating } from './policies.js';
import { rankingOf } from './ranking.js';
import { type LotRow, lotsOf, lotView, type TenderHead } from './repo.js';
import { evaluationReportPdf } from './report.js';
import { scoreLot } from './scoreLot.js';
import { startEvaluation } from './startEvaluation.js';
import { AssessPage } from './views/AssessPage.js';
import { DecisionPage } from './views/DecisionPage.js';
import { OverviewPage } from './views/OverviewPage.js';
import { base, lotBase } from './views/parts.js';
import { RankingPage } from './views/RankingPage.js';
import { ScoringPage } from './views/ScoringPage.js';

const hidden = { schema: { hide: true } };
type LotParams = { reference: string; lot: string };
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const scoreKey = new RegExp(`^score-(${uuid})-(${uuid})$`);
const amountKey = new RegExp(`^amount-(${uuid})$`);

function text(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  return typeof v === 'string' ? v.slice(0, 20_000) : '';
}

/** Field and form errors of a refused command, to show on the page; anything else goes up. */
function pageErrors(error: unknown): { errors: FieldError[]; status: number } {
  if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
  return {
    errors: error.fields.length
      ? error.fields
      : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }],
    status: error.status,
  };
}

export async function evaluationRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  addNoticeSlot('evaluation', awardNoticeSlot);

  /** The tender for its buyer's agents once bids are opened; a 404 for anyone else or before opening. */
  const tenderOf = async (req: FastifyRequest): Promise<TenderHead> => {
    const principal = requireSession(req);
    const tender = await evaluatorTender(rt.db, principal, (req.params as { reference: string }).reference);
    if (!(evaluationStatuses as readonly string[]).includes(tender.status)) throw new AppError('not_found');
    return tender;
  };
  const lotOf = async (req: FastifyRequest, tender: TenderHead): Promise<LotRow> => {
    const n = (req.params as LotParams).lot;
    if (!/^\d{1,3}$/.test(n)) throw new AppError('not_found');
    return lotByNumber(rt.db, tender.id, Number(n));
  };
  const flag = (req: FastifyRequest) => (req.query as Record<string, unknown>).fait;

  const overview = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderHead,
    errors: FieldError[] = [],
    status = 200,
  ) => {
    const lots = await lotsOf(rt.db, tender.id);
    const views = [];
    for (const lot of lots) {
      const view = await lotView(rt.db, tender.id, lot);
      views.push({ view, readiness: rankingOf(view) });
    }
    return sendPage(
      reply,
      <OverviewPage
        ctx={pageContext(req)}
        tender={tender}
        lots={views}
        errors={errors}
        notice={flag(req) === 'demarre' ? req.t('evaluation.started') : undefined}
      />,
      status,
    );
  };

  app.get('/mon-espace/consultations/:reference/analyse', hidden, async (req, reply) =>
    overview(req, reply, await tenderOf(req)),
  );

  app.post('/mon-espace/consultations/:reference/analyse/demarrer', hidden, async (req, reply) => {
    const tender = await tenderOf(req);
    try {
      await startEvaluation(rt, requireSession(req), { reference: tender.reference, ip: req.ip });
    } catch (error) {
      const { errors, status } = pageErrors(error);
      return overview(req, reply, tender, errors, status);
    }
    return seeOther(reply, `${base(tender.reference)}?fait=demarre`);
  });

  // ---- admissibility and classification ----

  const showAssess = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderHead,
    lot: LotRow,
    extra: { errors?: FieldError[]; values?: FormValues; status?: number } = {},
  ) => {
    const view = await lotView(rt.db, tender.id, lot);
    const sent = (req.query as Record<string, unknown>).demandes;
    return sendPage(
      reply,
      <AssessPage
        ctx={pageContext(req)}
        tender={tender}
        view={view}
        editable={isEvaluating(tender) && view.decision === null && view.setup !== null}
        notice={flag(req) === '1' ? req.t('evaluation.assess.saved', { count: Number(sent) || 0 }) : undefined}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status,
    );
  };

  app.get<{ Params: LotParams }>(
    '/mon-espace/consultations/:reference/analyse/lots/:lot/recevabilite',
    hidden,
    async (req, reply) => {
      const tender = await tenderOf(req);
      return showAssess(req, reply, tender, await lotOf(req, tender));
    },
  );

  app.post<{ Params: LotParams }>(
    '/mon-espace/consultations/:reference/analyse/lots/:lot/recevabilite',
    hidden,
    async (req, reply) => {
      const tender = await tenderOf(req);
      const lot = await lotOf(req, tender);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const view = await lotView(rt.db, tender.id, lot);
      const errors: FieldError[] = [];
      const bids: BidAssessment[] = [];
      for (const b of view.bids) {
        const id = b.submissionId;
        const adm = text(body, `adm-${id}`);
        const cls = text(body, `class-${id}`);
        if (adm !== '' && !(admissibilities as readonly string[]).includes(adm))
          errors.push({ field: `adm-${id}`, message: 'form.invalid' });
        if (cls !== '' && !(classifications as readonly string[]).includes(cls))
          errors.push({ field: `class-${id}`, message: 'form.invalid' });
        let replyBy: Date | null = null;
        if (adm === 'to_complete') {
          const parsed = tryParisLocalToUtc(text(body, `replyby-${id}`), text(body, `replytime-${id}`) || '12:00');
          if (parsed.ok) replyBy = parsed.value;
          else errors.push({ field: `replyby-${id}`, message: 'evaluation.error.reply_by' });
        }
        bids.push({
          submissionId: id,
          admissibility: adm === '' ? null : (adm as Admissibility),
          admissibilityReason: text(body, `admreason-${id}`),
          replyBy,
          classification: cls === '' ? null : (cls as OfferClassification),
          classificationReason: text(body, `classreason-${id}`),
        });
      }
      if (errors.length > 0)
        return showAssess(req, reply, tender, lot, { errors, values: formValues(body), status: 400 });
      let sent = 0;
      try {
        sent = (
          await assessBids(rt, requireSession(req), {
            reference: tender.reference,
            lotNumber: lot.number,
            bids,
            ip: req.ip,
          })
        ).requestsSent;
      } catch (error) {
        const { errors, status } = pageErrors(error);
        return showAssess(req, reply, tender, lot, { errors, values: formValues(body), status });
      }
      return seeOther(reply, `${lotBase(tender.reference, lot.number)}/recevabilite?fait=1&demandes=${sent}`);
    },
  );

  // ---- scoring grid ----

  const showScoring = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderHead,
    lot: LotRow,
    extra: { errors?: FieldError[]; values?: FormValues; status?: number } = {},
  ) => {
    const view = await lotView(rt.db, tender.id, lot);
    return sendPage(
      reply,
      <ScoringPage
        ctx={pageContext(req)}
        tender={tender}
        view={view}
        editable={isEvaluating(tender) && view.decision === null}
        notice={flag(req) === '1' ? req.t('evaluation.saved') : undefined}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status,
    );
  };

  app.get<{ Params: LotParams }>(
    '/mon-espace/consultations/:reference/analyse/lots/:lot/notation',
    hidden,
    async (req, reply) => {
      const tender = await tenderOf(req);
      return showScoring(req, reply, tender, await lotOf(req, tender));
    },
  );

  app.post<{ Params: LotParams }>(
    '/mon-espace/consultations/:reference/analyse/lots/:lot/notation',
    hidden,
    async (req, reply) => {
      const tender = await tenderOf(req);
      const lot = await lotOf(req, tender);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const amounts: Record<string, string> = {};
      const scores: Record<string, string> = {};
      for (const key of Object.keys(body)) {
        const a = amountKey.exec(key);
        if (a?.[1]) amounts[a[1]] = text(body, key);
        const s = scoreKey.exec(key);
        if (s?.[1] && s[2]) scores[`${s[1]}:${s[2]}`] = text(body, key);
      }
      try {
        await scoreLot(rt, requireSession(req), {
          reference: tender.reference,
          lotNumber: lot.number,
          grid: {
            scaleMode: text(body, 'scaleMode'),
            scaleMax: text(body, 'scaleMax'),
            priceFormula: text(body, 'priceFormula'),
            amounts,
            scores,
          },
          ip: req.ip,
        });
      } catch (error) {
        const { errors, status } = pageErrors(error);
        return showScoring(req, reply, tender, lot, { errors, values: formValues(body), status });
      }
      return seeOther(reply, `${lotBase(tender.reference, lot.number)}/notation?fait=1`);
    },
  );

  // ---- ranking ----

  app.get<{ Params: LotParams }>(
    '/mon-espace/consultations/:reference/analyse/lots/:lot/classement',
    hidden,
    async (req, reply) => {
      const tender = await tenderOf(req);
      const view = await lotView(rt.db, tender.id, await lotOf(req, tender));
      return sendPage(
        reply,
        <RankingPage ctx={pageContext(req)} tender={tender} view={view} readiness={rankingOf(view)} />,
      );
    },
  );

  // ---- decision ----

  const showDecision = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderHead,
    lot: LotRow,
    extra: {
      errors?: FieldError[];
      values?: FormValues;
      status?: number;
      confirm?: { outcome: LotOutcome; reason: string; strengths: string };
    } = {},
  ) => {
    const view = await lotView(rt.db, tender.id, lot);
    return sendPage(
      reply,
      <DecisionPage
        ctx={pageContext(req)}
        tender={tender}
        view={view}
        readiness={rankingOf(view)}
        editable={isEvaluating(tender) && view.setup !== null}
        confirm={extra.confirm}
        notice={flag(req) === '1' ? req.t('evaluation.decide.done') : undefined}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status,
    );
  };

  app.get<{ Params: LotParams }>(
    '/mon-espace/consultations/:reference/analyse/lots/:lot/decision',
    hidden,
    async (req, reply) => {
      const tender = await tenderOf(req);
      return showDecision(req, reply, tender, await lotOf(req, tender));
    },
  );

  app.post<{ Params: LotParams }>(
    '/mon-espace/consultations/:reference/analyse/lots/:lot/decision',
    hidden,
    async (req, reply) => {
      const tender = await tenderOf(req);
      const lot = await lotOf(req, tender);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const outcome = text(body, 'outcome');
      const values = formValues(body);
      if (outcome !== 'awarded' && outcome !== 'unsuccessful' && outcome !== 'cancelled') {
        return showDecision(req, reply, tender, lot, {
          errors: [{ field: 'outcome-awarded', message: 'form.invalid' }],
          values,
          status: 400,
        });
      }
      const reason = text(body, 'reason').trim();
      const strengths = text(body, 'strengths').trim();
      if (text(body, 'confirmed') !== '1') {
        // first step: check what can be checked, then show the confirmation page
        const errors: FieldError[] = [];
        if (outcome === 'awarded' && strengths === '')
          errors.push({ field: 'strengths', message: 'evaluation.error.strengths_required' });
        if (outcome !== 'awarded' && reason === '')
          errors.push({ field: 'reason', message: 'evaluation.error.reason_required' });
        if (outcome === 'awarded') {
          const readiness = rankingOf(await lotView(rt.db, tender.id, lot));
          if (!readiness.ready) {
            const key =
              readiness.reason === 'pending_bids'
                ? 'award_pending_bids'
                : readiness.reason === 'missing_scores'
                  ? 'award_missing_scores'
                  : readiness.reason === 'no_regular_offer'
                    ? 'no_regular_offer'
                    : 'not_started';
            errors.push({ field: '_form', message: `evaluation.error.${key}` });
          }
        }
        if (errors.length > 0) return showDecision(req, reply, tender, lot, { errors, values, status: 400 });
        return showDecision(req, reply, tender, lot, { confirm: { outcome, reason, strengths } });
      }
      try {
        await decideLot(rt, requireSession(req), {
          reference: tender.reference,
          lotNumber: lot.number,
          outcome,
          reason,
          strengths,
          ip: req.ip,
        });
      } catch (error) {
        const { errors, status } = pageErrors(error);
        return showDecision(req, reply, tender, lot, { errors, values, status });
      }
      return seeOther(reply, `${lotBase(tender.reference, lot.number)}/decision?fait=1`);
    },
  );

  // ---- report ----

  app.get('/mon-espace/consultations/:reference/analyse/rapport.pdf', hidden, async (req, reply) => {
    const tender = await tenderOf(req);
    const [lots, buyer, started] = await Promise.all([
      lotsOf(rt.db, tender.id),
      rt.db.selectFrom('organisations').select('name').where('id', '=', tender.buyer_id).executeTakeFirstOrThrow(),
      rt.db.selectFrom('evaluations').select('started_at').where('tender_id', '=', tender.id).executeTakeFirst(),
    ]);
    const views = [];
    for (const lot of lots) {
      const view = await lotView(rt.db, tender.id, lot);
      views.push({ view, readiness: rankingOf(view) });
    }
    const pdf = await evaluationReportPdf({
      tender,
      buyerName: buyer.name,
      startedAt: started?.started_at ?? null,
      lots: views,
      now: new Date(),
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="rapport-analyse-${tender.reference}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(pdf));
  });
}
