import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { ProfileInput } from './forms.js';
import type { CompanyActor } from './policies.js';
import { companyProfile } from './repo.js';

/**
 * Saves the company's profile: identity fields on the organisation row, the rest in
 * `company_profiles`, with the before/after in the audit trail, in one transaction. The SIRET
 * itself never changes here (it is the company's identity on the platform).
 */
export async function saveCompanyProfile(
  rt: Runtime,
  actor: CompanyActor,
  input: ProfileInput,
  ip?: string,
): Promise<void> {
  if (!actor.canEdit) throw new AppError('forbidden');
  await rt.db.transaction().execute(async (trx) => {
    const before = await companyProfile(trx, actor.companyId);
    if (!before) throw new AppError('not_found');
    await trx
      .updateTable('organisations')
      .set({
        name: input.name,
        naf: input.naf,
        legal_category: input.legal_category || null,
        size: input.size,
        department: input.department,
        city: input.city,
        is_ess: input.is_ess,
        is_siae: input.is_siae,
        updated_at: new Date(),
      })
      .where('id', '=', actor.companyId)
      .execute();
    const profile = {
      address: input.address,
      postal_code: input.postal_code,
      head_office: input.head_office,
      description: input.description,
      keywords: input.keywords,
      cpv_codes: input.cpv_codes,
      source: input.source,
      updated_at: new Date(),
    };
    await trx
      .insertInto('company_profiles')
      .values({ organisation_id: actor.companyId, ...profile })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(profile))
      .execute();
    await recordAudit(
      trx,
      { type: 'user', userId: actor.userId, ip },
      {
        action: 'company.profile.saved',
        subjectType: 'organisation',
        subjectId: actor.companyId,
        organisationId: actor.companyId,
        before,
        after: input,
      },
    );
  });
}
