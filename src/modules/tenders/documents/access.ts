import type { Actor } from '../../../platform/audit/record.js';
import { notFound } from '../../../platform/errors.js';
import type { SessionPrincipal } from '../../../platform/http/principal.js';
import type { Runtime } from '../../../platform/runtime.js';
import { canManageTender } from '../policies.js';
import { type TenderHead, tenderHeadByReference } from './repo.js';

/** The buyer's agent or administrator working on a tender's documents. */
export interface DocumentsEditor {
  principal: SessionPrincipal;
  ip?: string | undefined;
}

export function actorOf(editor: DocumentsEditor): Actor {
  return { type: 'user', userId: editor.principal.user.id, ip: editor.ip };
}

/**
 * The tender named by a reference, if the editor manages it. Another buyer's tender and a tender
 * that does not exist are the same 404: existence is not leaked.
 */
export async function managedTender(rt: Runtime, editor: DocumentsEditor, reference: string): Promise<TenderHead> {
  const head = await tenderHeadByReference(rt.db, reference);
  if (!head || !canManageTender(editor.principal, head)) throw notFound();
  return head;
}
