import { recordAudit } from '../../../platform/audit/record.js';
import type { Runtime } from '../../../platform/runtime.js';
import { actorOf, type Editor, lockDraft, managedTender } from './access.js';
import type { ContactInput } from './forms.js';
import { pick } from './sync.js';

const fields = [
  'contact_name',
  'contact_email',
  'contact_phone',
  'electronic_signature_required',
  'max_file_size_bytes',
  'backup_copy_allowed',
] as const;

export const megabyte = 1024 * 1024;

/** Step "contact": who answers companies, and the rules of the electronic submission. */
export async function saveContact(rt: Runtime, editor: Editor, reference: string, input: ContactInput): Promise<void> {
  const head = await managedTender(rt, editor, reference);
  await rt.db.transaction().execute(async (trx) => {
    const before = await lockDraft(trx, head, 'contact');
    const after = await trx
      .updateTable('tenders')
      .set({
        contact_name: input.contact_name,
        contact_email: input.contact_email,
        contact_phone: input.contact_phone,
        electronic_signature_required: input.electronic_signature_required,
        max_file_size_bytes: input.max_file_size_mb * megabyte,
        backup_copy_allowed: input.backup_copy_allowed,
        updated_at: new Date(),
      })
      .where('id', '=', head.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actorOf(editor), {
      action: 'tender.draft.contact_saved',
      subjectType: 'tender',
      subjectId: head.id,
      organisationId: head.buyerId,
      before: pick(before, fields),
      after: pick(after, fields),
    });
  });
}
