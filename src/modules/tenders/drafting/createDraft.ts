import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.js';
import { nextReference } from '../../../platform/db/references.js';
import { AppError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Runtime } from '../../../platform/runtime.js';
import { canCreateTenders } from '../policies.js';
import { actorOf, type Editor } from './access.js';
import type { newDraftForm } from './forms.js';

/**
 * Creates a draft tender for the editor's buyer, with its human reference and its single lot:
 * every tender has at least one lot, and a tender that is not divided has exactly one, which
 * mirrors the tender itself until a second lot is added.
 */
export async function createDraft(
  rt: Runtime,
  editor: Editor,
  input: z.output<typeof newDraftForm>,
): Promise<{ id: string; reference: string }> {
  const buyer = canCreateTenders(editor.principal);
  if (!buyer) throw new AppError('forbidden');
  return rt.db.transaction().execute(async (trx) => {
    const id = uuidv7();
    const reference = await nextReference(trx, 'tender');
    const tender = {
      id,
      reference,
      buyer_id: buyer.buyerId,
      title: input.title,
      internal_reference: input.internal_reference,
      procedure_type: input.procedure_type,
      main_category: input.main_category,
      created_by: editor.principal.user.id,
    };
    await trx.insertInto('tenders').values(tender).execute();
    await trx.insertInto('lots').values({ id: uuidv7(), tender_id: id, number: 1, title: input.title }).execute();
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.created',
      subjectType: 'tender',
      subjectId: id,
      organisationId: buyer.buyerId,
      after: tender,
    });
    return { id, reference };
  });
}
