import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/principal.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { isLate } from './domain/deadline.js';
import { type ReceiptBody, type SignedReceipt, signReceipt } from './domain/receipt.js';
import { entryHash, type RegisterContent } from './domain/register.js';
import { sealableStatuses } from './policies.js';
import { committeeOf, draftOf, filesOf, tenderById } from './repo.js';
import type { Consortium } from './saveSubmissionDetails.js';
import { answerableTender } from './saveSubmissionDetails.js';
import { signingKey } from './signingKey.js';

/** ISO 8601 UTC to the second: the precision of the receipt. */
export function toSecond(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Seals the company's draft submission. Every file's ciphertext is already durably stored (each
 * upload returned only after fsync); this one transaction takes the server clock, appends the
 * entry to the tender's hash-chained register (under the committee row's lock: one writer per
 * tender, positions without gaps), writes the signed receipt, the audit event and the receipt
 * mail. Before the commit the submission does not exist as sealed; after it, it cannot be lost.
 * Sealing after the deadline is accepted and recorded as late (kept, registered, never opened).
 */
export async function sealSubmission(
  rt: Runtime,
  principal: Principal,
  input: { reference: string; ip?: string | undefined; now?: () => Date },
): Promise<{ submissionId: string; receipt: SignedReceipt }> {
  const { tender: head, company } = await answerableTender(rt, principal, input.reference);
  const key = await signingKey(rt.config.signingKeyFile);
  return rt.db.transaction().execute(async (trx) => {
    const committee = await committeeOf(trx, head.id, { forUpdate: true });
    const tender = await tenderById(trx, head.id);
    if (
      !(sealableStatuses as readonly string[]).includes(tender.status) ||
      !committee?.public_key ||
      !tender.submission_deadline
    ) {
      throw new AppError('conflict', { messageKey: 'submissions.submit.closed' });
    }
    const draft = await draftOf(trx, tender.id, company.companyId, { forUpdate: true });
    if (!draft) throw new AppError('validation', { fields: [{ field: '_form', message: 'submissions.seal.empty' }] });
    const files = await filesOf(trx, [draft.id]);
    const lots = draft.lot_numbers;
    const problems: string[] = [];
    if (lots.length === 0) problems.push('submissions.submit.no_lot');
    if (!files.some((f) => f.kind === 'candidature')) problems.push('submissions.seal.no_candidature');
    if (lots.some((n) => !files.some((f) => f.kind === 'offer' && f.lot_number === n))) {
      problems.push('submissions.seal.offer_missing');
    }
    if (files.some((f) => f.kind === 'offer' && !lots.includes(f.lot_number as number))) {
      problems.push('submissions.seal.offer_for_unchosen_lot');
    }
    if (problems.length > 0) {
      throw new AppError('validation', { fields: problems.map((message) => ({ field: '_form', message })) });
    }

    // the server clock, once every byte is durable and the register is ours: this decides on time or late
    const sealedAt = (input.now ?? (() => new Date()))();
    const late = isLate(sealedAt, tender.submission_deadline);
    const position = committee.register_length + 1;
    const companyRow = await trx
      .selectFrom('organisations')
      .select(['name', 'siret'])
      .where('id', '=', company.companyId)
      .executeTakeFirstOrThrow();
    const buyer = await trx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', tender.buyer_id)
      .executeTakeFirstOrThrow();
    const fileFacts = files.map((f) => ({
      name: f.file_name,
      sizeBytes: Number(f.size_bytes),
      sha256: f.sha256,
      cipherSha256: f.cipher_sha256,
    }));
    const content: RegisterContent = {
      tender: tender.reference,
      position,
      submissionId: draft.id,
      company: companyRow.siret ?? companyRow.name,
      sealedAt: toSecond(sealedAt),
      late,
      files: fileFacts,
    };
    const hash = entryHash(committee.register_head, content);
    const body: ReceiptBody = {
      type: 'halle.receipt.v1',
      submissionId: draft.id,
      tender: { reference: tender.reference, title: tender.title },
      buyer: { name: buyer.name },
      company: { name: companyRow.name, siret: companyRow.siret },
      consortium: (draft.consortium as Consortium | null) ?? null,
      lots,
      sealedAt: toSecond(sealedAt),
      late,
      files: files.map((f) => ({
        name: f.file_name,
        kind: f.kind,
        lot: f.lot_number,
        sizeBytes: Number(f.size_bytes),
        sha256: f.sha256,
        cipherSha256: f.cipher_sha256,
      })),
      register: { position, entryHash: hash },
    };
    const receipt = signReceipt(body, key);

    await trx
      .insertInto('deposit_register')
      .values({
        tender_id: tender.id,
        position,
        submission_id: draft.id,
        previous_hash: committee.register_head,
        entry_hash: hash,
        content: JSON.stringify(content),
        recorded_at: sealedAt,
      })
      .execute();
    await trx
      .updateTable('opening_committees')
      .set({ register_length: position, register_head: hash })
      .where('tender_id', '=', tender.id)
      .execute();
    await trx
      .updateTable('submissions')
      .set({
        status: 'sealed',
        sealed_at: sealedAt,
        sealed_by: company.userId,
        late,
        register_position: position,
        receipt: JSON.stringify(receipt),
      })
      .where('id', '=', draft.id)
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: company.userId, ip: input.ip },
      {
        action: late ? 'submissions.sealed_late' : 'submissions.sealed',
        subjectType: 'submission',
        subjectId: draft.id,
        organisationId: company.companyId,
        after: { tender: tender.reference, position, sealedAt, late, files: fileFacts.length },
      },
    );
    const user = await trx
      .selectFrom('users')
      .select(['email', 'name'])
      .where('id', '=', company.userId)
      .executeTakeFirst();
    if (user) {
      await queueMail(trx, rt.jobs, {
        to: user.email,
        template: 'submissions.receipt',
        subject: `Accusé de réception — consultation ${tender.reference}`,
        text: receiptMailText(receipt, `${rt.config.publicUrl}/mon-espace/depots/${draft.id}`),
      });
    }
    return { submissionId: draft.id, receipt };
  });
}

export function receiptMailText(receipt: SignedReceipt, url: string): string {
  const b = receipt.body;
  const lines = [
    'Bonjour,',
    '',
    `Votre pli pour la consultation ${b.tender.reference} « ${b.tender.title} » (${b.buyer.name}) a été reçu et scellé ` +
      `le ${b.sealedAt} (heure UTC du serveur)${b.late ? ', APRÈS la date limite : il est hors délai et ne sera pas ouvert' : ''}.`,
    '',
    `Entreprise : ${b.company.name}${b.company.siret ? ` (SIRET ${b.company.siret})` : ''}`,
    `Registre des dépôts : position ${b.register.position}, empreinte ${b.register.entryHash}`,
    '',
    'Fichiers :',
    ...b.files.map((f) => `- ${f.name} — ${f.sizeBytes} octets — SHA-256 ${f.sha256}`),
    '',
    `Signature Ed25519 de la plateforme (clé ${receipt.signature.keyId}) : ${receipt.signature.value}`,
    '',
    `Accusé de réception en PDF et JSON : ${url}`,
  ];
  return `${lines.join('\n')}\n`;
}
