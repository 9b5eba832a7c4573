import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.js';
import type { Runtime } from '../../platform/runtime.js';
import type { MessagingActor } from './policies.js';

/**
 * A person of the receiving organisation opens a thread: the read receipt of every message
 * delivered to that organisation and not yet read takes this time and this person (the first
 * opening only: later openings change nothing), with its audit event.
 */
export async function markThreadRead(
  rt: Runtime,
  actor: MessagingActor,
  threadId: string,
  ip?: string,
): Promise<number> {
  return rt.db.transaction().execute(async (trx) => {
    const read = await trx
      .updateTable('message_receipts')
      .set({ read_at: sql`greatest(now(), delivered_at)`, read_by: actor.userId })
      .where('organisation_id', '=', actor.organisationId)
      .where('read_at', 'is', null)
      .where('message_id', 'in', (eb) => eb.selectFrom('messages').select('id').where('thread_id', '=', threadId))
      .returning(['message_id'])
      .execute();
    if (read.length > 0) {
      await recordAudit(
        trx,
        { type: 'user', userId: actor.userId, ip },
        {
          action: 'message.read',
          subjectType: 'message_thread',
          subjectId: threadId,
          organisationId: actor.organisationId,
          after: { messageIds: read.map((r) => r.message_id) },
        },
      );
    }
    return read.length;
  });
}
