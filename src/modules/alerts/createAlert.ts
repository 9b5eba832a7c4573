import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.js';
import type { AlertFrequency } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { parseAlertQuery } from './alertQuery.js';
import type { AlertOwner } from './policies.js';
import { maxAlertsPerUser } from './repo.js';

/**
 * Saves a search as an alert. Its keywords are stored as a tsquery and its filters in columns, with
 * the match keys that let the matcher find it among 100,000 others without evaluating them all.
 * Mail goes only to verified addresses: an unverified person is told to verify first.
 */
export async function createAlert(
  rt: Runtime,
  input: { owner: AlertOwner; address: string; name: string; frequency: AlertFrequency; ip?: string | undefined },
): Promise<{ id: string }> {
  if (!input.owner.emailVerified) {
    throw new AppError('validation', {
      messageKey: 'alerts.error.unverified',
      fields: [{ field: '_form', message: 'alerts.error.unverified' }],
    });
  }
  return rt.db.transaction().execute(async (trx) => {
    const query = await parseAlertQuery(trx, input.address);
    // serialises one person's creations, so the cap holds under concurrent submissions
    await trx.selectFrom('users').select('id').where('id', '=', input.owner.userId).forUpdate().execute();
    const count = await trx
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', input.owner.userId)
      .executeTakeFirst();
    if (Number(count?.n ?? 0) >= maxAlertsPerUser) {
      throw new AppError('conflict', {
        messageKey: 'alerts.error.too_many',
        fields: [{ field: '_form', message: 'alerts.error.too_many' }],
      });
    }
    const id = uuidv7();
    await sql`
      INSERT INTO alerts (id, user_id, company_id, name, query_string, keywords, keywords_query, match_keys,
        cpv_divisions, departments, procedures, categories, buyer_ids, clauses, frequency)
      VALUES (${id}::uuid, ${input.owner.userId}::uuid, ${input.owner.companyId}::uuid, ${input.name},
        ${query.queryString}, ${query.keywords},
        ${query.tsquery === null ? null : sql`websearch_to_tsquery('french_unaccent'::regconfig, ${query.keywords}::text)`},
        ${query.matchKeys}::text[], ${query.filters.cpv}::text[], ${query.filters.department}::text[],
        ${query.filters.procedure}::text[], ${query.filters.category}::text[], ${query.filters.buyer}::uuid[],
        ${query.filters.clause}::text[], ${input.frequency})`.execute(trx);
    await recordAudit(
      trx,
      { type: 'user', userId: input.owner.userId, ip: input.ip },
      {
        action: 'alert.created',
        subjectType: 'alert',
        subjectId: id,
        organisationId: input.owner.companyId,
        after: { name: input.name, query: query.queryString, frequency: input.frequency },
      },
    );
    return { id };
  });
}
