import type { Runtime } from '../../platform/runtime.js';
import { markRead } from './notify.js';

/**
 * Marks one or all of a person's notifications read. Reading is not a change of anything someone
 * else relies on, so it writes no audit event (like opening a page).
 */
export async function markNotificationsRead(
  rt: Runtime,
  input: { userId: string; notificationId: string | 'all' },
): Promise<{ marked: number }> {
  return rt.db
    .transaction()
    .execute(async (trx) => ({ marked: await markRead(trx, input.userId, input.notificationId) }));
}
