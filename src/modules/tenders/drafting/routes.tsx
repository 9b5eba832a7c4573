import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { formValues, parseForm } from '../../../web/forms.js';
import { requireSession } from '../../../web/guards.js';
import type { MessageKey } from '../../../web/i18n.js';
import { pageContext, seeOther, sendPage } from '../../../web/render.js';
import { legalDelayFindings } from '../domain/legalDelays.js';
import { editModeOf, type FieldGroup } from '../domain/lifecycle.js';
import { centsToInput } from '../domain/money.js';
import { publicationProblems } from '../domain/readiness.js';
import { canCreateTenders } from '../policies.js';
import { type Editor, managedTender } from './access.js';
import { addLot } from './addLot.js';
import { cpvApiRoutes } from './apiRoutes.js';
import { createDraft } from './createDraft.js';
import { validateCriteria } from './criteriaRules.js';
import { checkDeadlines } from './deadlineRules.js';
import {
  type ClauseValues,
  contactForm,
  deadlinesForm,
  generalForm,
  lotForm,
  newDraftForm,
  newLotForm,
  readClauses,
} from './forms.js';
import { renderManageSlots } from './manageSlots.js';
import { searchCpvCodes } from './reference.js';
import { removeLot } from './removeLot.js';
import { type FullDraft, loadFullDraft } from './repo.js';
import { saveClauses } from './saveClauses.js';
import { saveContact } from './saveContact.js';
import { saveCriteria } from './saveCriteria.js';
import { saveDeadlines } from './saveDeadlines.js';
import { saveGeneral } from './saveGeneral.js';
import { updateLot } from './updateLot.js';
import { ClausesStep, clauseValues } from './views/ClausesStep.js';
import { ContactStep, contactValues } from './views/ContactStep.js';
import { CpvSearchPage } from './views/CpvSearchPage.js';
import { CriteriaStep, criteriaScopeUrl, criteriaValues } from './views/CriteriaStep.js';
import { DeadlinesStep, deadlineValues } from './views/DeadlinesStep.js';
import { GeneralStep, generalValues } from './views/GeneralStep.js';
import { LotEditPage, LotsStep } from './views/LotsStep.js';
import { ManagePage, NotEditablePage } from './views/ManagePage.js';
import { NewDraftPage } from './views/NewDraftPage.js';
import { cpvInputValue, nextStep, type StepError, type StepSlug, stepUrl } from './views/parts.js';
import { SummaryStep } from './views/SummaryStep.js';

const hidden = { schema: { hide: true } };

/** Notices after a redirect, chosen by a fixed query value: never text taken from the URL. */
const notices: Record<string, MessageKey> = {
  cree: 'drafting.notice.created',
  enregistre: 'drafting.notice.saved',
  'lot-ajoute': 'drafting.notice.lot_added',
  'lot-modifie': 'drafting.notice.lot_updated',
  'lot-supprime': 'drafting.notice.lot_removed',
};

function noticeOf(req: FastifyRequest): string | undefined {
  const key = (req.query as Record<string, unknown>).info;
  const message = typeof key === 'string' ? notices[key] : undefined;
  return message ? req.t(message) : undefined;
}

function editorOf(req: FastifyRequest): Editor {
  return { principal: requireSession(req), ip: req.ip };
}

function referenceOf(req: FastifyRequest): string {
  return (req.params as Record<string, string>).reference ?? '';
}

function lotNumberOf(req: FastifyRequest): number {
  const value = (req.params as Record<string, string>).number ?? '';
  if (!/^\d{1,3}$/.test(value)) throw notFound();
  return Number(value);
}

function body(req: FastifyRequest): Record<string, unknown> {
  return (req.body ?? {}) as Record<string, unknown>;
}

/** The draft behind a page, after the policy said yes (another buyer's tender: 404). */
async function draftFor(rt: Runtime, req: FastifyRequest): Promise<FullDraft> {
  const head = await managedTender(rt, editorOf(req), referenceOf(req));
  return loadFullDraft(rt.db, head.id);
}

/** Errors a use case raised with fields (or a message) become errors shown on the form. */
function asStepErrors(error: unknown): StepError[] {
  if (!(error instanceof AppError) || error.code !== 'validation') throw error;
  return error.fields.length ? error.fields : [{ field: '_form', message: error.messageKey ?? 'error.validation' }];
}

export async function draftingRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  await cpvApiRoutes(app);

  /** Renders a step, or says the tender is no longer a draft (edit by corrigendum). */
  function lockedPage(
    req: FastifyRequest,
    reply: FastifyReply,
    draft: FullDraft,
    group: FieldGroup,
  ): FastifyReply | null {
    if (editModeOf(draft.tender.status, group) === 'free') return null;
    const t = draft.tender;
    return sendPage(
      reply,
      <NotEditablePage ctx={pageContext(req)} reference={t.reference} title={t.title} status={t.status} />,
      409,
    );
  }

  // ---- CPV search without JavaScript (public)
  app.get('/cpv', hidden, async (req, reply) => {
    const q = (req.query as Record<string, unknown>).q;
    const query = typeof q === 'string' ? q.trim().slice(0, 100) : '';
    return sendPage(
      reply,
      <CpvSearchPage ctx={pageContext(req)} query={query} results={query ? searchCpvCodes(query) : []} />,
    );
  });

  // ---- new draft
  app.get('/mon-espace/consultations/nouvelle', hidden, async (req, reply) => {
    const editor = editorOf(req);
    if (!canCreateTenders(editor.principal)) throw new AppError('forbidden');
    return sendPage(reply, <NewDraftPage ctx={pageContext(req)} />);
  });

  app.post('/mon-espace/consultations/nouvelle', hidden, async (req, reply) => {
    const editor = editorOf(req);
    if (!canCreateTenders(editor.principal)) throw new AppError('forbidden');
    const form = parseForm(newDraftForm, req.body);
    if (!form.ok) {
      return sendPage(reply, <NewDraftPage ctx={pageContext(req)} errors={form.errors} values={form.values} />, 400);
    }
    const { reference } = await createDraft(rt, editor, form.data);
    return seeOther(reply, `${stepUrl(reference, 'general')}?info=cree`);
  });

  // ---- management page
  app.get('/mon-espace/consultations/:reference', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const ctx = pageContext(req);
    const { id, reference, status, buyer_id: buyerId } = draft.tender;
    const slots = await renderManageSlots(rt.db, ctx, { id, reference, status, buyerId });
    return sendPage(
      reply,
      <ManagePage ctx={ctx} draft={draft} now={new Date()} notice={noticeOf(req)} slots={slots} />,
    );
  });

  app.get('/mon-espace/consultations/:reference/modifier', hidden, async (req, reply) => {
    const head = await managedTender(rt, editorOf(req), referenceOf(req));
    return seeOther(reply, stepUrl(head.reference, 'general'));
  });

  const saved = (reply: FastifyReply, reference: string, step: StepSlug) =>
    seeOther(reply, `${stepUrl(reference, nextStep(step))}?info=enregistre`);

  // ---- step: general
  app.get('/mon-espace/consultations/:reference/modifier/general', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'content');
    if (locked) return locked;
    const ctx = pageContext(req);
    return sendPage(
      reply,
      <GeneralStep
        ctx={ctx}
        tender={draft.tender}
        values={generalValues(draft.tender, ctx.locale)}
        notice={noticeOf(req)}
      />,
    );
  });

  app.post('/mon-espace/consultations/:reference/modifier/general', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'content');
    if (locked) return locked;
    const form = parseForm(generalForm, req.body);
    if (!form.ok) {
      return sendPage(
        reply,
        <GeneralStep ctx={pageContext(req)} tender={draft.tender} values={form.values} errors={form.errors} />,
        400,
      );
    }
    await saveGeneral(rt, editorOf(req), draft.tender.reference, form.data);
    return saved(reply, draft.tender.reference, 'general');
  });

  // ---- step: lots
  app.get('/mon-espace/consultations/:reference/modifier/lots', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'lots');
    if (locked) return locked;
    return sendPage(
      reply,
      <LotsStep ctx={pageContext(req)} tender={draft.tender} lots={draft.lots} notice={noticeOf(req)} />,
    );
  });

  app.post('/mon-espace/consultations/:reference/modifier/lots', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'lots');
    if (locked) return locked;
    const form = parseForm(newLotForm, req.body);
    const render = (errors: StepError[], status: number) =>
      sendPage(
        reply,
        <LotsStep
          ctx={pageContext(req)}
          tender={draft.tender}
          lots={draft.lots}
          values={formValues(req.body)}
          errors={errors}
        />,
        status,
      );
    if (!form.ok) return render(form.errors, 400);
    try {
      await addLot(rt, editorOf(req), draft.tender.reference, form.data);
    } catch (error) {
      return render(asStepErrors(error), 400);
    }
    return seeOther(reply, `${stepUrl(draft.tender.reference, 'lots')}?info=lot-ajoute`);
  });

  app.get('/mon-espace/consultations/:reference/modifier/lots/:number', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'lots');
    if (locked) return locked;
    const number = lotNumberOf(req);
    const lot = draft.lots.find((l) => l.number === number);
    if (!lot) throw notFound();
    const ctx = pageContext(req);
    const values = {
      title: lot.title,
      description: lot.description,
      cpv_codes: cpvInputValue(lot.cpv_codes),
      estimated_value: lot.estimated_value_cents === null ? '' : centsToInput(lot.estimated_value_cents, ctx.locale),
    };
    return sendPage(
      reply,
      <LotEditPage ctx={ctx} tender={draft.tender} lot={lot} lotCount={draft.lots.length} values={values} />,
    );
  });

  app.post('/mon-espace/consultations/:reference/modifier/lots/:number', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'lots');
    if (locked) return locked;
    const number = lotNumberOf(req);
    const lot = draft.lots.find((l) => l.number === number);
    if (!lot) throw notFound();
    const form = parseForm(lotForm, req.body);
    if (!form.ok) {
      return sendPage(
        reply,
        <LotEditPage
          ctx={pageContext(req)}
          tender={draft.tender}
          lot={lot}
          lotCount={draft.lots.length}
          values={form.values}
          errors={form.errors}
        />,
        400,
      );
    }
    await updateLot(rt, editorOf(req), draft.tender.reference, number, form.data);
    return seeOther(reply, `${stepUrl(draft.tender.reference, 'lots')}?info=lot-modifie`);
  });

  app.post('/mon-espace/consultations/:reference/modifier/lots/:number/supprimer', hidden, async (req, reply) => {
    const reference = referenceOf(req);
    await removeLot(rt, editorOf(req), reference, lotNumberOf(req));
    return seeOther(reply, `${stepUrl(reference, 'lots')}?info=lot-supprime`);
  });

  // ---- step: clauses
  app.get('/mon-espace/consultations/:reference/modifier/clauses', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'content');
    if (locked) return locked;
    const values = { ...clauseValues(draft.tender, '') };
    for (const lot of draft.lots) Object.assign(values, clauseValues(lot, `lot_${lot.number}_`));
    return sendPage(
      reply,
      <ClausesStep
        ctx={pageContext(req)}
        tender={draft.tender}
        lots={draft.lots}
        values={values}
        notice={noticeOf(req)}
      />,
    );
  });

  app.post('/mon-espace/consultations/:reference/modifier/clauses', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'content');
    if (locked) return locked;
    const errors: StepError[] = [];
    const read = (prefix: string): ClauseValues | null => {
      const result = readClauses(body(req), prefix);
      if ('field' in result) {
        errors.push(result);
        return null;
      }
      return result;
    };
    const tenderClauses = read('');
    const lots = new Map<number, ClauseValues>();
    if (draft.lots.length > 1) {
      for (const lot of draft.lots) {
        const values = read(`lot_${lot.number}_`);
        if (values) lots.set(lot.number, values);
      }
    }
    if (!tenderClauses || errors.length) {
      return sendPage(
        reply,
        <ClausesStep
          ctx={pageContext(req)}
          tender={draft.tender}
          lots={draft.lots}
          values={formValues(req.body)}
          errors={errors}
        />,
        400,
      );
    }
    await saveClauses(rt, editorOf(req), draft.tender.reference, { tender: tenderClauses, lots });
    return saved(reply, draft.tender.reference, 'clauses');
  });

  // ---- step: criteria (common scope, then one page per lot)
  async function criteriaPage(req: FastifyRequest, reply: FastifyReply, lotNumber: number | null) {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'criteria');
    if (locked) return locked;
    const lot = lotNumber === null ? null : draft.lots.find((l) => l.number === lotNumber);
    if (lot === undefined || (lot && draft.lots.length < 2)) throw notFound();
    const ctx = pageContext(req);
    const scope = draft.criteria.filter((c) => c.lot_id === (lot?.id ?? null));
    const common = { ctx, tender: draft.tender, lots: draft.lots, criteria: draft.criteria, lot };
    if (req.method === 'GET') {
      return sendPage(
        reply,
        <CriteriaStep {...common} values={criteriaValues(scope, ctx.locale)} notice={noticeOf(req)} />,
      );
    }
    const result = validateCriteria(body(req));
    if (!result.ok) {
      const errors: StepError[] = result.errors.map((e) =>
        e.field === 'criteria' && result.sumBp !== null
          ? { ...e, params: { sum: (result.sumBp / 100).toLocaleString(ctx.locale === 'fr' ? 'fr-FR' : 'en-GB') } }
          : e,
      );
      return sendPage(reply, <CriteriaStep {...common} values={formValues(req.body)} errors={errors} />, 400);
    }
    await saveCriteria(rt, editorOf(req), draft.tender.reference, lot?.number ?? null, result.criteria);
    if (lot) return seeOther(reply, `${criteriaScopeUrl(draft.tender.reference, null)}?info=enregistre`);
    // a divided tender may still give some lots their own criteria: stay on the step
    if (draft.lots.length > 1)
      return seeOther(reply, `${criteriaScopeUrl(draft.tender.reference, null)}?info=enregistre`);
    return saved(reply, draft.tender.reference, 'criteria');
  }
  app.get('/mon-espace/consultations/:reference/modifier/criteria', hidden, (req, reply) =>
    criteriaPage(req, reply, null),
  );
  app.post('/mon-espace/consultations/:reference/modifier/criteria', hidden, (req, reply) =>
    criteriaPage(req, reply, null),
  );
  app.get('/mon-espace/consultations/:reference/modifier/criteria/lots/:number', hidden, (req, reply) =>
    criteriaPage(req, reply, lotNumberOf(req)),
  );
  app.post('/mon-espace/consultations/:reference/modifier/criteria/lots/:number', hidden, (req, reply) =>
    criteriaPage(req, reply, lotNumberOf(req)),
  );

  // ---- step: deadlines
  app.get('/mon-espace/consultations/:reference/modifier/deadlines', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'deadlines');
    if (locked) return locked;
    return sendPage(
      reply,
      <DeadlinesStep
        ctx={pageContext(req)}
        tender={draft.tender}
        values={deadlineValues(draft.tender)}
        notice={noticeOf(req)}
      />,
    );
  });

  app.post('/mon-espace/consultations/:reference/modifier/deadlines', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'deadlines');
    if (locked) return locked;
    const form = parseForm(deadlinesForm, req.body);
    if (!form.ok) {
      return sendPage(
        reply,
        <DeadlinesStep ctx={pageContext(req)} tender={draft.tender} values={form.values} errors={form.errors} />,
        400,
      );
    }
    const result = checkDeadlines(form.data, draft.tender.procedure_type, new Date());
    if (!result.ok) {
      return sendPage(
        reply,
        <DeadlinesStep
          ctx={pageContext(req)}
          tender={draft.tender}
          values={formValues(req.body)}
          errors={result.errors}
          findings={result.findings}
        />,
        400,
      );
    }
    await saveDeadlines(
      rt,
      editorOf(req),
      draft.tender.reference,
      result.values,
      result.findings.filter((f) => f.needsAcknowledgement),
    );
    return saved(reply, draft.tender.reference, 'deadlines');
  });

  // ---- step: contact
  app.get('/mon-espace/consultations/:reference/modifier/contact', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'contact');
    if (locked) return locked;
    return sendPage(
      reply,
      <ContactStep
        ctx={pageContext(req)}
        tender={draft.tender}
        values={contactValues(draft.tender)}
        notice={noticeOf(req)}
      />,
    );
  });

  app.post('/mon-espace/consultations/:reference/modifier/contact', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'contact');
    if (locked) return locked;
    const form = parseForm(contactForm, req.body);
    if (!form.ok) {
      return sendPage(
        reply,
        <ContactStep ctx={pageContext(req)} tender={draft.tender} values={form.values} errors={form.errors} />,
        400,
      );
    }
    await saveContact(rt, editorOf(req), draft.tender.reference, form.data);
    return saved(reply, draft.tender.reference, 'contact');
  });

  // ---- summary
  app.get('/mon-espace/consultations/:reference/modifier/resume', hidden, async (req, reply) => {
    const draft = await draftFor(rt, req);
    const locked = lockedPage(req, reply, draft, 'content');
    if (locked) return locked;
    const now = new Date();
    const { tender } = draft;
    const problems = publicationProblems(tender, draft.lots, draft.criteria, draft.documentCount, now);
    const findings = legalDelayFindings({
      procedureType: tender.procedure_type,
      noticeSentAt: now,
      submissionDeadline: tender.submission_deadline,
      candidatureDeadline: tender.candidature_deadline,
    });
    return sendPage(
      reply,
      <SummaryStep ctx={pageContext(req)} draft={draft} problems={problems} findings={findings} />,
    );
  });
}
