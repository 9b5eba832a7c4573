import { recordAudit } from '../../platform/audit/record.js';
import { fieldError } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/outbox.js';
import { uuidv7 } from '../../platform/ids.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import { companyAdminEmails } from '../company-registry/index.js';
import { type BuyerActor, selectionOf } from '../directory/index.js';
import type { IntentionInput } from './forms.js';

/**
 * Publishes a purchase intention. When a directory selection is targeted, its companies still in
 * the directory are recorded as targets and their administrators get a mail (companies that left
 * the directory are not written to). The `intention.published` event lets other modules (the
 * alert matcher) react later without this module knowing them. One transaction for all of it.
 */
export async function publishIntention(
  rt: Runtime,
  actor: BuyerActor,
  input: IntentionInput,
  ip?: string,
): Promise<{ id: string; targeted: number; skipped: number }> {
  return rt.db.transaction().execute(async (trx) => {
    let targets: { id: string; name: string }[] = [];
    let skipped = 0;
    if (input.selection) {
      const selection = await selectionOf(trx, actor.buyerId, input.selection);
      // another buyer's selection, or a forged id: the field is wrong, nothing is written
      if (!selection) throw fieldError('selection', 'intentions.error.selection');
      targets = selection.companies.filter((c) => c.inDirectory).map((c) => ({ id: c.id, name: c.name }));
      skipped = selection.companies.length - targets.length;
    }
    const id = uuidv7();
    const intention = {
      id,
      buyer_id: actor.buyerId,
      title: input.title,
      description: input.description,
      cpv_code: input.cpv_code,
      estimated_value_cents: input.estimated_value,
      expected_on: input.expected_on,
      created_by: actor.userId,
    };
    await trx.insertInto('purchase_intentions').values(intention).execute();
    if (targets.length) {
      await trx
        .insertInto('intention_targets')
        .values(targets.map((c) => ({ intention_id: id, company_id: c.id })))
        .execute();
    }
    const t = translatorFor('fr');
    const url = `${rt.config.publicUrl}/intentions/${id}`;
    for (const company of targets) {
      for (const admin of await companyAdminEmails(trx, company.id)) {
        await queueMail(trx, rt.jobs, {
          to: admin.email,
          template: 'intentions.targeted',
          subject: t('intentions.mail.subject', { buyer: actor.buyerName }),
          text: t('intentions.mail.text', { buyer: actor.buyerName, title: input.title, date: input.expected_on, url }),
        });
      }
    }
    await recordEvent(trx, 'intention.published', {
      id,
      buyerId: actor.buyerId,
      title: input.title,
      cpvCode: input.cpv_code,
      estimatedValueCents: input.estimated_value,
      expectedOn: input.expected_on,
      targetedCompanyIds: targets.map((c) => c.id),
    });
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'intentions.published',
        subjectType: 'purchase_intention',
        subjectId: id,
        organisationId: actor.buyerId,
        after: { ...intention, targets: targets.map((c) => c.id), skipped },
      },
    );
    return { id, targeted: targets.length, skipped };
  });
}
