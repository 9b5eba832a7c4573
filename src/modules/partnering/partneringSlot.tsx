import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { PageContext } from '../../web/context.js';
import { companyActor } from '../company-registry/index.js';
import { entryCount } from './repo.js';

/** The notice page's part: how many companies declared, and the way in for company users. */
export async function partneringSlot(
  db: DbOrTrx,
  ctx: PageContext,
  tender: { id: string; reference: string; status: string },
) {
  if (tender.status === 'draft' || !companyActor(ctx.principal)) return null;
  const count = await entryCount(db, tender.id);
  return (
    <section class="notice-slot" aria-label={ctx.t('partnering.title')}>
      <p>{ctx.t('partnering.slot.count', { count })}</p>
      <p>
        <a href={`/consultations/${encodeURIComponent(tender.reference)}/cotraitance`}>
          {ctx.t('partnering.slot.link')}
        </a>
      </p>
    </section>
  );
}
