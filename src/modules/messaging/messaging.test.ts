import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/mails.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { createTender } from '../../../test/support/tenders.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { messageLimits } from './domain/rules.js';
import { type MessageToPost, postMessageInTransaction } from './index.js';

let rt: Runtime;
let buyer: { id: string; name: string };
let otherBuyer: { id: string };
let company: { id: string; name: string };
let agent: { id: string; email: string };
let otherAgent: { id: string; email: string };
let members: { id: string; email: string }[];
let tender: { id: string; reference: string };

beforeAll(async () => {
  rt = await createTestRuntime();
  buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Montreuil' });
  otherBuyer = await createOrganisation(rt, { kind: 'buyer' });
  company = await createOrganisation(rt, { kind: 'company', name: 'Bâti Est SARL' });
  agent = await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] });
  otherAgent = await createUser(rt, { memberships: [{ organisationId: otherBuyer.id, role: 'buyer_agent' }] });
  members = [
    await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_admin' }] }),
    await createUser(rt, { memberships: [{ organisationId: company.id, role: 'company_member' }] }),
  ];
  tender = await createTender(rt, { buyerId: buyer.id, status: 'opened' });
});
afterAll(async () => {
  await rt.close();
});

function post(message: Partial<MessageToPost>) {
  return rt.db.transaction().execute((trx) =>
    postMessageInTransaction(rt, trx, {
      tenderId: tender.id,
      companyId: company.id,
      from: 'buyer',
      senderUserId: agent.id,
      category: 'message',
      subject: 'Précisions sur votre offre',
      body: 'Merci de préciser le délai de livraison du lot 1.',
      ...message,
    }),
  );
}

async function counts() {
  const count = async (table: 'message_threads' | 'messages' | 'message_attachments' | 'blobs' | 'outbox_mails') =>
    Number(
      (
        await rt.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    threads: await count('message_threads'),
    messages: await count('messages'),
    attachments: await count('message_attachments'),
    blobs: await count('blobs'),
    mails: await count('outbox_mails'),
  };
}

describe('postMessageInTransaction', () => {
  it('creates the thread, stores message, attachment and delivery receipt, mails the company and audits', async () => {
    const pdf = Buffer.from('%PDF-1.7 lettre de demande de complément');
    const replyBy = new Date('2027-01-15T16:00:00Z');
    const { threadId, messageId } = await post({
      category: 'completion_request',
      subject: 'Demande de complément de candidature',
      body: 'Il manque votre attestation d’assurance décennale. Contenu confidentiel 7Q2X.',
      replyBy,
      attachments: [{ fileName: 'demande.pdf', contentType: 'application/pdf', bytes: pdf }],
    });

    const thread = await rt.db
      .selectFrom('message_threads')
      .selectAll()
      .where('id', '=', threadId)
      .executeTakeFirstOrThrow();
    expect(thread).toMatchObject({ tender_id: tender.id, company_id: company.id });
    const message = await rt.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({
      thread_id: threadId,
      sender_side: 'buyer',
      sender_user_id: agent.id,
      category: 'completion_request',
      subject: 'Demande de complément de candidature',
    });
    expect(message.reply_by?.toISOString()).toBe(replyBy.toISOString());

    const attachment = await rt.db
      .selectFrom('message_attachments')
      .innerJoin('blobs', 'blobs.id', 'message_attachments.blob_id')
      .select(['message_attachments.file_name', 'message_attachments.sha256', 'blobs.storage_key'])
      .where('message_id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(attachment.file_name).toBe('demande.pdf');
    expect(attachment.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const chunks: Buffer[] = [];
    for await (const chunk of await rt.blobs.get(attachment.storage_key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);

    const receipts = await rt.db
      .selectFrom('message_receipts')
      .selectAll()
      .where('message_id', '=', messageId)
      .execute();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ organisation_id: company.id, read_at: null });
    expect(receipts[0]?.delivered_at.getTime()).toBe(message.created_at.getTime());

    for (const member of members) {
      const [mail] = await mailsTo(rt, member.email, 'messaging.message_arrived');
      expect(mail?.subject).toContain(tender.reference);
      expect(mail?.text_body).toContain('Demande de complément de candidature');
      expect(mail?.text_body).toContain(`/mon-espace/messages/${threadId}`);
      // secure messaging: the body never travels by e-mail
      expect(mail?.text_body).not.toContain('7Q2X');
      expect(mail?.html_body).not.toContain('7Q2X');
    }
    expect(await mailsTo(rt, agent.email)).toHaveLength(0);

    const audit = await rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'message.posted')
      .where('subject_id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: agent.id, organisation_id: buyer.id });
    expect(JSON.stringify(audit.after)).not.toContain('7Q2X');
    const event = await rt.db
      .selectFrom('domain_events')
      .selectAll()
      .where('type', '=', 'message.posted')
      .where('aggregate_id', '=', messageId)
      .executeTakeFirst();
    expect(event).toBeDefined();
  });

  it('keeps one thread per tender and company; a company reply is delivered to the buyer and mailed to its agents only', async () => {
    const first = await post({});
    const reply = await post({ from: 'company', senderUserId: members[1]?.id ?? '', subject: 'Re: précisions' });
    expect(reply.threadId).toBe(first.threadId);
    const receipt = await rt.db
      .selectFrom('message_receipts')
      .selectAll()
      .where('message_id', '=', reply.messageId)
      .executeTakeFirstOrThrow();
    expect(receipt.organisation_id).toBe(buyer.id);
    const [mail] = await mailsTo(rt, agent.email, 'messaging.message_arrived');
    expect(mail?.text_body).toContain(`/mon-espace/consultations/${tender.reference}/messages/${first.threadId}`);
    expect(mail?.text_body).toContain('Bâti Est SARL');
    expect(await mailsTo(rt, otherAgent.email)).toHaveLength(0);
  });

  it('posts automatic letters on behalf of a side, audited as the system', async () => {
    const { messageId } = await post({ senderUserId: null, category: 'rejection_letter', subject: 'Lettre de rejet' });
    const audit = await rt.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'system', actor_user_id: null });
  });

  it('refuses a sender who does not belong to the writing side', async () => {
    const before = await counts();
    await expect(post({ senderUserId: otherAgent.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(post({ from: 'company', senderUserId: agent.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an empty body', { body: '  \n ' }, 'body', 'messaging.error.body_required'],
    ['a body of 20,001 characters', { body: 'é'.repeat(20_001) }, 'body', 'messaging.error.body_too_long'],
    ['an empty subject', { subject: ' ' }, 'subject', 'messaging.error.subject_required'],
    ['a subject of 201 characters', { subject: 'x'.repeat(201) }, 'subject', 'messaging.error.subject_too_long'],
    ['an unknown category', { category: 'invoice' as never }, 'category', 'messaging.error.category'],
    [
      'a climbing file name',
      { attachments: [{ fileName: '../../etc/passwd', contentType: 'text/plain', bytes: Buffer.from('x') }] },
      'attachments',
      'messaging.error.file_name',
    ],
    [
      'a file name hiding its extension',
      { attachments: [{ fileName: 'facture\u202Efdp.exe', contentType: 'text/plain', bytes: Buffer.from('x') }] },
      'attachments',
      'messaging.error.file_name',
    ],
    [
      'an oversize attachment',
      {
        attachments: [
          {
            fileName: 'plan.pdf',
            contentType: 'application/pdf',
            bytes: Buffer.alloc(messageLimits.maxAttachmentBytes + 1),
          },
        ],
      },
      'attachments',
      'messaging.error.file_too_large',
    ],
  ] as const)('refuses %s with a French message and writes nothing', async (_, change, field, key) => {
    const before = await counts();
    const error = await post(change as Partial<MessageToPost>).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation');
    expect((error as AppError).fields).toContainEqual({ field, message: key });
    expect(await counts()).toEqual(before);
  });

  it('accepts a body of exactly 20,000 characters', async () => {
    const { messageId } = await post({ body: 'é'.repeat(20_000) });
    const row = await rt.db.selectFrom('messages').select('body').where('id', '=', messageId).executeTakeFirstOrThrow();
    expect(row.body).toHaveLength(20_000);
  });

  it('leaves nothing when the caller’s transaction rolls back', async () => {
    const before = await counts();
    await expect(
      rt.db.transaction().execute(async (trx) => {
        await postMessageInTransaction(rt, trx, {
          tenderId: tender.id,
          companyId: company.id,
          from: 'buyer',
          senderUserId: agent.id,
          category: 'award_letter',
          subject: 'Notification d’attribution',
          body: 'Votre offre est retenue.',
        });
        throw new Error('the caller fails after posting');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await counts()).toEqual(before);
  });
});
