import type { Actor } from '../../../platform/audit/record.js';
import type { Trx } from '../../../platform/db/kysely.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { SessionPrincipal } from '../../../platform/http/principal.js';
import type { Runtime } from '../../../platform/runtime.js';
import { editModeOf, type FieldGroup } from '../domain/lifecycle.js';
import { canManageTender } from '../policies.js';
import { type DraftHead, type DraftRow, draftHeadByReference, tenderForUpdate } from './repo.js';

/** The person editing a draft, as the use cases need them. */
export interface Editor {
  principal: SessionPrincipal;
  ip?: string | undefined;
}

export function actorOf(editor: Editor): Actor {
  return { type: 'user', userId: editor.principal.user.id, ip: editor.ip };
}

/**
 * The tender named by a reference, if the editor manages it. Another buyer's tender, or one
 * that does not exist, is the same 404: its existence is not leaked.
 */
export async function managedTender(rt: Runtime, editor: Editor, reference: string): Promise<DraftHead> {
  const head = await draftHeadByReference(rt.db, reference);
  if (!head || !canManageTender(editor.principal, head)) throw notFound();
  return head;
}

/**
 * Locks the tender row for the command's transaction and checks the group can still be
 * changed freely: only drafts are edited by these pages; published tenders change by corrigendum.
 */
export async function lockDraft(trx: Trx, head: DraftHead, group: FieldGroup): Promise<DraftRow> {
  const tender = await tenderForUpdate(trx, head.id);
  if (editModeOf(tender.status, group) !== 'free') {
    throw new AppError('conflict', { messageKey: 'drafting.not_draft' });
  }
  return tender;
}
