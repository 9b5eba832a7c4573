import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, parseForm } from '../../web/forms.js';
import { requireSession } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { addNoticeSlot } from '../tenders/index.js';
import { contactPartner } from './contactPartner.js';
import { declarePartnering } from './declarePartnering.js';
import { partneringSlot } from './partneringSlot.js';
import { isOpen, requirePartner } from './policies.js';
import { entriesOf, publicTender, type TenderHead } from './repo.js';
import { PartneringPage } from './views/PartneringPage.js';
import { withdrawPartnering } from './withdrawPartnering.js';

const hidden = { schema: { hide: true } };

const declareForm = z.object({
  role: z.enum(['lead', 'cocontractor', 'subcontractor'], 'partnering.error.role'),
  skills: z.string().trim().max(500, 'partnering.error.skills').optional().default(''),
  note: z.string().trim().max(2000, 'partnering.error.note').optional().default(''),
});

const notices = {
  declare: 'partnering.declare.done',
  retire: 'partnering.withdrawn',
  contact: 'partnering.contact.sent',
} as const;

export async function partneringRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  addNoticeSlot('partnering', partneringSlot);

  const tenderOf = async (req: FastifyRequest): Promise<TenderHead> => {
    const { reference } = req.params as { reference: string };
    const tender = await publicTender(rt.db, reference);
    if (!tender) throw new AppError('not_found');
    return tender;
  };

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderHead,
    extra: { notice?: string; errors?: FieldError[]; values?: FormValues; status?: number } = {},
  ) => {
    const actor = requirePartner(req.principal);
    return sendPage(
      reply,
      <PartneringPage
        ctx={pageContext(req)}
        tender={tender}
        entries={await entriesOf(rt.db, tender.id)}
        companyId={actor.companyId}
        open={isOpen(tender)}
        notice={extra.notice}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status,
    );
  };

  const commandError = (req: FastifyRequest, reply: FastifyReply, tender: TenderHead, error: unknown) => {
    if (!(error instanceof AppError) || (error.code !== 'conflict' && error.code !== 'validation')) throw error;
    const errors = error.fields.length
      ? error.fields
      : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }];
    return show(req, reply, tender, { errors, status: error.status });
  };

  app.get('/consultations/:reference/cotraitance', hidden, async (req, reply) => {
    requirePartner(req.principal);
    const tender = await tenderOf(req);
    const done = (req.query as Record<string, unknown>).fait;
    const key =
      typeof done === 'string' && Object.hasOwn(notices, done) ? notices[done as keyof typeof notices] : undefined;
    return show(req, reply, tender, key ? { notice: req.t(key) } : {});
  });

  app.post('/consultations/:reference/cotraitance', hidden, async (req, reply) => {
    const actor = requirePartner(req.principal);
    const tender = await tenderOf(req);
    const form = parseForm(declareForm, req.body);
    if (!form.ok) return show(req, reply, tender, { errors: form.errors, values: form.values, status: 400 });
    try {
      await declarePartnering(rt, actor, tender, form.data, req.ip);
    } catch (error) {
      return commandError(req, reply, tender, error);
    }
    return seeOther(reply, `/consultations/${encodeURIComponent(tender.reference)}/cotraitance?fait=declare`);
  });

  app.post('/consultations/:reference/cotraitance/retirer', hidden, async (req, reply) => {
    const actor = requirePartner(req.principal);
    const tender = await tenderOf(req);
    await withdrawPartnering(rt, actor, tender, req.ip);
    return seeOther(reply, `/consultations/${encodeURIComponent(tender.reference)}/cotraitance?fait=retire`);
  });

  app.post<{ Params: { reference: string; companyId: string } }>(
    '/consultations/:reference/cotraitance/:companyId/contact',
    hidden,
    async (req, reply) => {
      const actor = requirePartner(req.principal);
      const session = requireSession(req);
      const tender = await tenderOf(req);
      const toCompanyId = req.params.companyId.toLowerCase();
      if (!/^[0-9a-f-]{36}$/.test(toCompanyId)) throw new AppError('not_found');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const raw = body[`message-${toCompanyId}`];
      const message = typeof raw === 'string' ? raw.trim() : '';
      if (message.length === 0 || message.length > 4000) {
        return show(req, reply, tender, {
          errors: [{ field: `message-${toCompanyId}`, message: 'partnering.error.message' }],
          status: 400,
        });
      }
      try {
        await contactPartner(
          rt,
          { ...actor, name: session.user.name, email: session.user.email },
          tender,
          { toCompanyId, message },
          req.ip,
        );
      } catch (error) {
        return commandError(req, reply, tender, error);
      }
      return seeOther(reply, `/consultations/${encodeURIComponent(tender.reference)}/cotraitance?fait=contact`);
    },
  );
}
