import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, parseForm } from '../../web/forms.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { requireCompanyActor } from '../company-registry/index.js';
import { requireBuyer, selectionsOf } from '../directory/index.js';
import { convertToDraft } from './convertToDraft.js';
import { expressInterest } from './expressInterest.js';
import { intentionForm, interestForm } from './forms.js';
import { publishIntention } from './publishIntention.js';
import { hasInterest, intentionById, intentionsOfBuyer, interestsOf, openIntentions, targetsOf } from './repo.js';
import { BuyerIntentionPage, BuyerIntentionsPage, NewIntentionPage } from './views/BuyerPages.js';
import { CompanyIntentionPage, CompanyIntentionsPage } from './views/CompanyPages.js';

const hidden = { schema: { hide: true } };

function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
  return error.fields.length ? error.fields : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }];
}

export async function intentionsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  // ---- buyers ----

  app.get('/mon-espace/intentions', hidden, async (req, reply) => {
    const actor = requireBuyer(req.principal);
    return sendPage(
      reply,
      <BuyerIntentionsPage ctx={pageContext(req)} intentions={await intentionsOfBuyer(rt.db, actor.buyerId)} />,
    );
  });

  const showNew = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors: FieldError[] = [],
    status = 200,
  ) => {
    const actor = requireBuyer(req.principal);
    const selections = await selectionsOf(rt.db, actor.buyerId);
    return sendPage(
      reply,
      <NewIntentionPage ctx={pageContext(req)} selections={selections} values={values} errors={errors} />,
      status,
    );
  };

  app.get('/mon-espace/intentions/nouvelle', hidden, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    return showNew(req, reply, { selection: typeof query.selection === 'string' ? query.selection.slice(0, 40) : '' });
  });

  app.post('/mon-espace/intentions', hidden, async (req, reply) => {
    const actor = requireBuyer(req.principal);
    const form = parseForm(intentionForm, req.body);
    if (!form.ok) return showNew(req, reply, form.values, form.errors, 400);
    try {
      const { id, targeted } = await publishIntention(rt, actor, form.data, req.ip);
      return seeOther(reply, `/mon-espace/intentions/${id}?ciblees=${targeted}`);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      return showNew(req, reply, form.ok ? (req.body as FormValues) : {}, errors, 400);
    }
  });

  const showBuyerIntention = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    status = 200,
  ) => {
    const actor = requireBuyer(req.principal);
    const { id } = req.params as { id: string };
    const intention = await intentionById(rt.db, id);
    // another buyer's intention does not exist here
    if (!intention || intention.buyerId !== actor.buyerId) throw new AppError('not_found');
    const query = req.query as Record<string, unknown>;
    const targeted =
      typeof query.ciblees === 'string' && /^\d{1,4}$/.test(query.ciblees) ? Number(query.ciblees) : undefined;
    return sendPage(
      reply,
      <BuyerIntentionPage
        ctx={pageContext(req)}
        intention={intention}
        targets={await targetsOf(rt.db, intention.id)}
        interests={await interestsOf(rt.db, intention.id)}
        notice={targeted === undefined ? undefined : req.t('intentions.published', { count: targeted })}
        errors={errors}
      />,
      status,
    );
  };

  app.get('/mon-espace/intentions/:id', hidden, async (req, reply) => showBuyerIntention(req, reply));

  app.post<{ Params: { id: string } }>('/mon-espace/intentions/:id/consultation', hidden, async (req, reply) => {
    const actor = requireBuyer(req.principal);
    const intention = await intentionById(rt.db, req.params.id);
    if (!intention || intention.buyerId !== actor.buyerId) throw new AppError('not_found');
    try {
      const { reference } = await convertToDraft(rt, actor, intention.id, req.ip);
      return seeOther(reply, `/mon-espace/consultations/${encodeURIComponent(reference)}`);
    } catch (error) {
      return showBuyerIntention(req, reply, fieldErrorsOf(error), 409);
    }
  });

  // ---- companies ----

  app.get('/intentions', hidden, async (req, reply) => {
    requireCompanyActor(req.principal);
    return sendPage(reply, <CompanyIntentionsPage ctx={pageContext(req)} intentions={await openIntentions(rt.db)} />);
  });

  const showCompanyIntention = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; errors?: FieldError[]; status?: number } = {},
  ) => {
    const actor = requireCompanyActor(req.principal);
    const { id } = req.params as { id: string };
    const intention = await intentionById(rt.db, id);
    if (!intention) throw new AppError('not_found');
    return sendPage(
      reply,
      <CompanyIntentionPage
        ctx={pageContext(req)}
        intention={intention}
        interested={await hasInterest(rt.db, intention.id, actor.companyId)}
        notice={extra.notice}
        errors={extra.errors}
      />,
      extra.status,
    );
  };

  app.get('/intentions/:id', hidden, async (req, reply) => {
    const done = (req.query as Record<string, unknown>).fait === '1';
    return showCompanyIntention(req, reply, done ? { notice: req.t('intentions.interest.done') } : {});
  });

  app.post<{ Params: { id: string } }>('/intentions/:id/interet', hidden, async (req, reply) => {
    const actor = requireCompanyActor(req.principal);
    const form = parseForm(interestForm, req.body);
    if (!form.ok) return showCompanyIntention(req, reply, { errors: form.errors, status: 400 });
    const intention = await intentionById(rt.db, req.params.id);
    if (!intention) throw new AppError('not_found');
    try {
      await expressInterest(rt, actor, intention.id, form.data.note, req.ip);
    } catch (error) {
      return showCompanyIntention(req, reply, { errors: fieldErrorsOf(error), status: 409 });
    }
    return seeOther(reply, `/intentions/${intention.id}?fait=1`);
  });
}
