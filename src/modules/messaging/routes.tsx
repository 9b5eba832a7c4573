import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { PageContext } from '../../web/context.js';
import { requireSession } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { attachmentHeader, singleFileUploads } from '../../web/uploads.js';
import { addManageSlot, addNoticeSlot, addRegisterSlot } from '../tenders/index.js';
import { messageLimits } from './domain/rules.js';
import { messagingPaths } from './paths.js';
import { buyerMessagingActor, companyMessagingActor, type MessagingActor, threadActor } from './policies.js';
import { markThreadRead } from './readThread.js';
import { registerCsv } from './register.js';
import {
  companyThreads,
  type ThreadHead,
  tenderByReference,
  tenderRegister,
  tenderThreads,
  threadAttachment,
  threadHead,
  threadMessages,
  unreadCount,
  writableCompanies,
} from './repo.js';
import { sendMessage } from './sendMessage.js';
import { BuyerTenderPage } from './views/BuyerTenderPage.js';
import { InboxPage } from './views/InboxPage.js';
import { NewThreadPage } from './views/NewThreadPage.js';
import { RegisterSection } from './views/RegisterSection.js';
import { ThreadPage } from './views/ThreadPage.js';

const hidden = { schema: { hide: true } };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const uploads = singleFileUploads({
  maxFileBytes: () => messageLimits.maxAttachmentBytes,
  // a body of 20,000 characters is at most 80,000 bytes of UTF-8; more is refused by the length check
  fieldSize: 100_000,
});

function param(req: FastifyRequest, name: string, pattern: RegExp): string {
  const value = (req.params as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !pattern.test(value)) throw new AppError('not_found');
  return value;
}
const referencePattern = /^[A-Za-z0-9-]{1,40}$/;

/** The form's text fields, kept to show the form again after an error. */
function formFields(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  return { subject: text('subject'), body: text('body'), company: text('company') };
}

/** An error of a message form: its fields, or one line at the top of the form. */
function formErrors(error: unknown): { errors: FieldError[]; status: number } {
  if (!(error instanceof AppError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
  const errors = error.fields.length
    ? error.fields
    : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }];
  return { errors, status: error.status };
}

/** On the notice page: the buyer's link to the tender's messages, a company's link to its thread. */
async function noticeSlot(db: DbOrTrx, ctx: PageContext, tender: { id: string; reference: string; status: string }) {
  const { t } = ctx;
  if (tender.status === 'draft') return null;
  const company = companyMessagingActor(ctx.principal);
  if (company) {
    const thread = await db
      .selectFrom('message_threads')
      .select('id')
      .where('tender_id', '=', tender.id)
      .where('company_id', '=', company.organisationId)
      .executeTakeFirst();
    if (!thread) return null;
    return (
      <p>
        <a href={messagingPaths.companyThread(thread.id)}>{t('messaging.slot.company')}</a>
      </p>
    );
  }
  const head = await db.selectFrom('tenders').select('buyer_id').where('id', '=', tender.id).executeTakeFirst();
  const buyer = head ? buyerMessagingActor(ctx.principal, { buyerId: head.buyer_id }) : null;
  if (!buyer) return null;
  const unread = await unreadCount(db, buyer.organisationId, tender.id);
  return (
    <p>
      <a href={messagingPaths.buyerTender(tender.reference)}>
        {unread > 0 ? t('messaging.slot.buyer.unread', { count: unread }) : t('messaging.slot.buyer')}
      </a>
    </p>
  );
}

export async function messagingRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  addNoticeSlot('messaging', noticeSlot);
  // on the tender's management page (its buyer's only): the messages, with the unread count
  addManageSlot('messaging', async (db, ctx, tender) => {
    if (tender.status === 'draft') return null;
    const buyer = buyerMessagingActor(ctx.principal, tender);
    if (!buyer) return null;
    const unread = await unreadCount(db, buyer.organisationId, tender.id);
    return (
      <li>
        <a href={messagingPaths.buyerTender(tender.reference)}>
          {unread > 0 ? ctx.t('messaging.slot.buyer.unread', { count: unread }) : ctx.t('messaging.slot.buyer')}
        </a>
      </li>
    );
  });
  // the registers page is the buyer's only: tenders checks it before the slot runs
  addRegisterSlot('messaging', async (db, ctx, tender) => (
    <RegisterSection ctx={ctx} reference={tender.reference} entries={await tenderRegister(db, tender.id)} />
  ));

  /** The tender of a buyer's page and the agent acting on it; 404 for anyone else. */
  async function buyerTender(req: FastifyRequest) {
    const principal = requireSession(req);
    const tender = await tenderByReference(rt.db, param(req, 'reference', referencePattern));
    const actor = tender ? buyerMessagingActor(principal, tender) : null;
    if (!tender || !actor || tender.status === 'draft') throw new AppError('not_found');
    return { tender, actor };
  }

  /** A thread and the side reading it: a company its own threads, a buyer those of its tenders. */
  async function readableThread(req: FastifyRequest, side: 'buyer' | 'company') {
    const principal = requireSession(req);
    const thread = await threadHead(rt.db, param(req, 'threadId', uuid));
    const actor = thread ? threadActor(principal, thread) : null;
    if (!thread || !actor || actor.side !== side) throw new AppError('not_found');
    if (side === 'buyer' && thread.tenderReference !== param(req, 'reference', referencePattern)) {
      throw new AppError('not_found');
    }
    return { thread, actor };
  }

  const paths = (side: 'buyer' | 'company', thread: ThreadHead) =>
    side === 'buyer'
      ? {
          back: messagingPaths.buyerTender(thread.tenderReference),
          action: messagingPaths.buyerThread(thread.tenderReference, thread.id),
          attachmentHref: (id: string) => messagingPaths.buyerAttachment(thread.tenderReference, thread.id, id),
        }
      : {
          back: messagingPaths.companyInbox,
          action: messagingPaths.companyThread(thread.id),
          attachmentHref: (id: string) => messagingPaths.companyAttachment(thread.id, id),
        };

  async function showThread(
    req: FastifyRequest,
    reply: FastifyReply,
    side: 'buyer' | 'company',
    thread: ThreadHead,
    actor: MessagingActor,
    extra: { errors?: FieldError[]; values?: Record<string, string>; status?: number } = {},
  ) {
    // opening the thread is the read receipt of what was delivered to this side
    await markThreadRead(rt, actor, thread.id, req.ip);
    const notice = (req.query as Record<string, unknown>).envoye === '1' ? req.t('messaging.form.sent') : undefined;
    return sendPage(
      reply,
      <ThreadPage
        ctx={pageContext(req)}
        side={side}
        thread={thread}
        messages={await threadMessages(rt.db, thread.id)}
        {...paths(side, thread)}
        errors={extra.errors}
        values={extra.values}
        notice={extra.errors ? undefined : notice}
        maxFileBytes={messageLimits.maxAttachmentBytes}
      />,
      extra.status,
    );
  }

  async function sendAttachment(reply: FastifyReply, threadId: string, attachmentId: string) {
    const attachment = await threadAttachment(rt.db, threadId, attachmentId);
    if (!attachment) throw new AppError('not_found');
    return reply
      .header('content-type', attachment.contentType)
      .header('content-disposition', attachmentHeader(attachment.fileName))
      .header('content-length', String(attachment.sizeBytes))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(await rt.blobs.get(attachment.storageKey));
  }

  // ---- companies ----
  app.get('/mon-espace/messages', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const actor = companyMessagingActor(principal);
    if (!actor) throw new AppError('not_found');
    return sendPage(
      reply,
      <InboxPage ctx={pageContext(req)} threads={await companyThreads(rt.db, actor.organisationId)} />,
    );
  });

  app.get('/mon-espace/messages/:threadId', hidden, async (req, reply) => {
    const { thread, actor } = await readableThread(req, 'company');
    return showThread(req, reply, 'company', thread, actor);
  });

  app.get('/mon-espace/messages/:threadId/pieces/:attachmentId', hidden, async (req, reply) => {
    const { thread } = await readableThread(req, 'company');
    return sendAttachment(reply, thread.id, param(req, 'attachmentId', uuid));
  });

  // ---- buyers ----
  app.get('/mon-espace/consultations/:reference/messages', hidden, async (req, reply) => {
    const { tender, actor } = await buyerTender(req);
    return sendPage(
      reply,
      <BuyerTenderPage
        ctx={pageContext(req)}
        tender={tender}
        threads={await tenderThreads(rt.db, tender.id, actor.organisationId)}
      />,
    );
  });

  app.get('/mon-espace/consultations/:reference/messages/nouveau', hidden, async (req, reply) => {
    const { tender } = await buyerTender(req);
    const company = (req.query as Record<string, unknown>).entreprise;
    return sendPage(
      reply,
      <NewThreadPage
        ctx={pageContext(req)}
        tender={tender}
        companies={await writableCompanies(rt.db, tender.id)}
        values={{ company: typeof company === 'string' ? company : '' }}
        maxFileBytes={messageLimits.maxAttachmentBytes}
      />,
    );
  });

  app.get('/mon-espace/consultations/:reference/messages/:threadId', hidden, async (req, reply) => {
    const { thread, actor } = await readableThread(req, 'buyer');
    return showThread(req, reply, 'buyer', thread, actor);
  });

  app.get(
    '/mon-espace/consultations/:reference/messages/:threadId/pieces/:attachmentId',
    hidden,
    async (req, reply) => {
      const { thread } = await readableThread(req, 'buyer');
      return sendAttachment(reply, thread.id, param(req, 'attachmentId', uuid));
    },
  );

  app.get('/mon-espace/consultations/:reference/registres/echanges.csv', hidden, async (req, reply) => {
    const { tender } = await buyerTender(req);
    const entries = await tenderRegister(rt.db, tender.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="echanges-${tender.reference}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(registerCsv(entries, req.t)));
  });

  // ---- writing (multipart: the attachment streams into the blob store) ----
  await app.register(async (scope) => {
    await uploads.register(scope);

    const upload = (req: FastifyRequest) => {
      const part = uploads.file(req);
      return part ? { fileName: part.filename, content: part.file } : undefined;
    };

    scope.post('/mon-espace/messages/:threadId', hidden, async (req, reply) => {
      const { thread, actor } = await readableThread(req, 'company');
      const values = formFields(req);
      try {
        await sendMessage(
          rt,
          actor,
          { tenderId: thread.tenderId, companyId: thread.companyId },
          { subject: values.subject ?? '', body: values.body ?? '', upload: upload(req) },
          req.ip,
        );
      } catch (error) {
        uploads.drain(req);
        const { errors, status } = formErrors(error);
        return showThread(req, reply, 'company', thread, actor, { errors, values, status });
      }
      return seeOther(reply, `${messagingPaths.companyThread(thread.id)}?envoye=1`);
    });

    scope.post('/mon-espace/consultations/:reference/messages/:threadId', hidden, async (req, reply) => {
      const { thread, actor } = await readableThread(req, 'buyer');
      const values = formFields(req);
      try {
        await sendMessage(
          rt,
          actor,
          { tenderId: thread.tenderId, companyId: thread.companyId },
          { subject: values.subject ?? '', body: values.body ?? '', upload: upload(req) },
          req.ip,
        );
      } catch (error) {
        uploads.drain(req);
        const { errors, status } = formErrors(error);
        return showThread(req, reply, 'buyer', thread, actor, { errors, values, status });
      }
      return seeOther(reply, `${messagingPaths.buyerThread(thread.tenderReference, thread.id)}?envoye=1`);
    });

    scope.post('/mon-espace/consultations/:reference/messages/nouveau', hidden, async (req, reply) => {
      const { tender, actor } = await buyerTender(req);
      const values = formFields(req);
      const companyId = uuid.test(values.company ?? '') ? (values.company as string) : null;
      let threadId: string;
      try {
        if (!companyId) {
          throw new AppError('validation', { fields: [{ field: 'company', message: 'messaging.error.company' }] });
        }
        ({ threadId } = await sendMessage(
          rt,
          actor,
          { tenderId: tender.id, companyId },
          { subject: values.subject ?? '', body: values.body ?? '', upload: upload(req) },
          req.ip,
        ));
      } catch (error) {
        uploads.drain(req);
        const { errors, status } = formErrors(error);
        return sendPage(
          reply,
          <NewThreadPage
            ctx={pageContext(req)}
            tender={tender}
            companies={await writableCompanies(rt.db, tender.id)}
            errors={errors}
            values={values}
            maxFileBytes={messageLimits.maxAttachmentBytes}
          />,
          status,
        );
      }
      return seeOther(reply, `${messagingPaths.buyerThread(tender.reference, threadId)}?envoye=1`);
    });
  });
}
