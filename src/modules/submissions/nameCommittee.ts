import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { SessionPrincipal } from '../../platform/http/principal.js';
import { uuidv7 } from '../../platform/ids.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Runtime } from '../../platform/runtime.js';
import { committeeProblems } from './domain/deadline.js';
import { isTenderBuyer } from './policies.js';
import { tenderById, tenderByReference } from './repo.js';

/**
 * Names the opening committee of a draft tender: n holders, a threshold k and a backup holder,
 * all buyer agents or administrators of the tender's buyer. Naming it again (while the tender is a
 * draft) replaces the previous committee and any key it had.
 *
 * The flow, chosen so that no secret ever waits in clear: naming the committee creates no key at
 * all. Each holder then sets a passphrase on a page of their own; that makes the holder's own
 * X25519 key pair, whose private half is stored only sealed under the passphrase (argon2id +
 * AES-256-GCM). When the last holder has done so, the tender's opening key pair is generated in
 * that same request, its private key split k-of-(n+1) with Shamir, each share HPKE-wrapped to its
 * holder's public key, and the private key dropped from memory: it never reaches the database or
 * the disk, and no unsealed share ever exists at rest. See `setHolderPassphrase.ts`.
 */
export async function nameCommittee(
  rt: Runtime,
  principal: SessionPrincipal,
  input: {
    reference: string;
    holderUserIds: string[];
    threshold: number;
    backupUserId: string;
    ip?: string | undefined;
    /** false for system holders (the permanent test tender): nobody reads their mailbox */
    notify?: boolean;
  },
): Promise<{ tenderId: string }> {
  const head = await tenderByReference(rt.db, input.reference);
  if (!head || !isTenderBuyer(principal, head)) throw new AppError('not_found');
  const holderIds = [...new Set(input.holderUserIds)];
  const distinct = holderIds.length === input.holderUserIds.length && !holderIds.includes(input.backupUserId);
  const problems = committeeProblems(holderIds.length, input.threshold, input.backupUserId !== '', distinct);
  if (problems.length > 0) {
    throw new AppError('validation', { fields: problems.map((message) => ({ field: '_form', message })) });
  }
  return rt.db.transaction().execute(async (trx) => {
    const tender = await tenderById(trx, head.id, { forUpdate: true });
    if (tender.status !== 'draft') {
      throw new AppError('conflict', { messageKey: 'submissions.committee.not_draft' });
    }
    const everyone = [...holderIds, input.backupUserId];
    const members = await trx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.name'])
      .where('memberships.organisation_id', '=', tender.buyer_id)
      .where('memberships.role', 'in', ['buyer_agent', 'buyer_admin'])
      .where('users.id', 'in', everyone)
      .where('users.disabled_at', 'is', null)
      .execute();
    if (members.length !== everyone.length) {
      throw new AppError('validation', { fields: [{ field: '_form', message: 'submissions.committee.not_members' }] });
    }
    const before = await trx
      .selectFrom('committee_holders')
      .select(['user_id', 'role'])
      .where('tender_id', '=', tender.id)
      .execute();
    await trx.deleteFrom('committee_holders').where('tender_id', '=', tender.id).execute();
    await trx.deleteFrom('opening_committees').where('tender_id', '=', tender.id).execute();
    await trx
      .insertInto('opening_committees')
      .values({ tender_id: tender.id, threshold: input.threshold, named_by: principal.user.id })
      .execute();
    const rows = everyone.map((userId, i) => ({
      id: uuidv7(),
      tender_id: tender.id,
      user_id: userId,
      role: userId === input.backupUserId ? ('backup' as const) : ('member' as const),
      position: i + 1,
    }));
    await trx.insertInto('committee_holders').values(rows).execute();
    await recordAudit(
      trx,
      { type: 'user', userId: principal.user.id, ip: input.ip },
      {
        action: 'submissions.committee.named',
        subjectType: 'tender',
        subjectId: tender.id,
        organisationId: tender.buyer_id,
        before: before.length > 0 ? { holders: before } : null,
        after: { holders: holderIds, backup: input.backupUserId, threshold: input.threshold },
      },
    );
    for (const row of input.notify === false ? [] : rows) {
      const user = members.find((m) => m.id === row.user_id);
      if (!user) continue;
      const url = `${rt.config.publicUrl}/mon-espace/cles/${row.id}`;
      await queueMail(trx, rt.jobs, {
        to: user.email,
        template: 'submissions.holder_named',
        subject: `Commission d’ouverture des plis — consultation ${tender.reference}`,
        text:
          `Bonjour ${user.name},\n\n` +
          `Vous êtes ${row.role === 'backup' ? 'détenteur de secours' : 'membre'} de la commission d’ouverture des plis ` +
          `de la consultation ${tender.reference} « ${tender.title} ».\n` +
          `Choisissez la phrase de passe qui protège votre part de la clé d’ouverture :\n${url}\n\n` +
          'Sans elle, les plis ne pourront pas être ouverts. Personne, pas même l’équipe de la plateforme, ne peut la retrouver.\n',
      });
    }
    return { tenderId: tender.id };
  });
}
