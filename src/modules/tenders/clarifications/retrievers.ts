import type { DbOrTrx } from '../../../platform/db/kysely.js';

export interface Retriever {
  userId: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
}

/**
 * The identified retrievers of a tender: distinct people who downloaded at least one of its
 * documents while signed in. They are told of every answer and corrigendum. Disabled accounts
 * are left out (they can no longer act on the tender). Ordered by e-mail for stable output.
 */
export async function identifiedRetrievers(db: DbOrTrx, tenderId: string): Promise<Retriever[]> {
  const rows = await db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.name', 'users.locale'])
    .where('users.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('retrievals')
          .select('retrievals.id')
          .whereRef('retrievals.user_id', '=', 'users.id')
          .where('retrievals.tender_id', '=', tenderId),
      ),
    )
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, locale: r.locale }));
}
