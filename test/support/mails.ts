import type { Runtime } from '../../src/platform/runtime.js';

/** The mails queued for an address (newest first), read from the outbox table as a mailbox would. */
export async function mailsTo(rt: Runtime, to: string, template?: string) {
  let query = rt.db
    .selectFrom('outbox_mails')
    .select(['id', 'subject', 'text_body', 'html_body', 'template', 'created_at'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (template) query = query.where('template', '=', template);
  return query.execute();
}

/** The path of the first link to this site in a mail's text (`/reinitialisation/…`). */
export function linkIn(rt: Runtime, text: string): string {
  const base = rt.config.publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = text.match(new RegExp(`${base}(/[^\\s]+)`));
  if (!match?.[1]) throw new Error(`no link to the site in: ${text}`);
  return match[1];
}
