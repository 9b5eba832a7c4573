import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { translatorFor } from '../../web/i18n.js';
import type { CompanyActor } from '../company-registry/index.js';
import { intentionById } from './repo.js';

/**
 * A company says it is interested in an open intention (once; saying it again updates the note).
 * The buyer person who published it gets a mail.
 */
export async function expressInterest(
  rt: Runtime,
  actor: CompanyActor,
  intentionId: string,
  note: string,
  ip?: string,
): Promise<void> {
  await rt.db.transaction().execute(async (trx) => {
    const intention = await intentionById(trx, intentionId);
    if (!intention) throw new AppError('not_found');
    if (intention.status !== 'published') throw new AppError('conflict', { messageKey: 'intentions.error.closed' });
    await trx
      .insertInto('intention_interests')
      .values({ intention_id: intention.id, company_id: actor.companyId, user_id: actor.userId, note })
      .onConflict((oc) => oc.columns(['intention_id', 'company_id']).doUpdateSet({ note, user_id: actor.userId }))
      .execute();
    const company = await trx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', actor.companyId)
      .executeTakeFirstOrThrow();
    const author = await trx
      .selectFrom('purchase_intentions as i')
      .innerJoin('users as u', 'u.id', 'i.created_by')
      .select('u.email')
      .where('i.id', '=', intention.id)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    if (author) {
      const t = translatorFor('fr');
      await queueMail(trx, rt.jobs, {
        to: author.email,
        template: 'intentions.interest',
        subject: t('intentions.interest.mail.subject', { company: company.name }),
        text: t('intentions.interest.mail.text', {
          company: company.name,
          title: intention.title,
          note: note || '—',
          url: `${rt.config.publicUrl}/mon-espace/intentions/${intention.id}`,
        }),
      });
    }
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'intentions.interest_expressed',
        subjectType: 'purchase_intention',
        subjectId: intention.id,
        organisationId: actor.companyId,
        after: { note },
      },
    );
  });
}
