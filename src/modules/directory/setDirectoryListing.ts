import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { CompanyActor } from '../company-registry/index.js';

/** A company administrator puts the company in the supplier directory, or takes it out. */
export async function setDirectoryListing(
  rt: Runtime,
  actor: CompanyActor,
  listed: boolean,
  ip?: string,
): Promise<{ changed: boolean }> {
  if (!actor.canEdit) throw new AppError('forbidden');
  return rt.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('company_profiles')
      .select('in_directory')
      .where('organisation_id', '=', actor.companyId)
      .forUpdate()
      .executeTakeFirst();
    if ((before?.in_directory ?? false) === listed) return { changed: false };
    await trx
      .insertInto('company_profiles')
      .values({ organisation_id: actor.companyId, in_directory: listed })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ in_directory: listed, updated_at: new Date() }))
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: listed ? 'directory.joined' : 'directory.left',
        subjectType: 'organisation',
        subjectId: actor.companyId,
        organisationId: actor.companyId,
        before: { inDirectory: before?.in_directory ?? false },
        after: { inDirectory: listed },
      },
    );
    return { changed: true };
  });
}
