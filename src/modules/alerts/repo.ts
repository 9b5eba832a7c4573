import type { DbOrTrx } from '../../platform/db/kysely.js';
import type { AlertFrequency, NotificationKind } from '../../platform/db/schema.js';

/** SQL of the alerts module's tables (alerts, notifications) that is not a matcher's. */

export interface AlertRow {
  id: string;
  name: string;
  queryString: string;
  keywords: string;
  frequency: AlertFrequency;
  pausedAt: Date | null;
  createdAt: Date;
}

export const maxAlertsPerUser = 100;

export async function listAlerts(db: DbOrTrx, userId: string): Promise<AlertRow[]> {
  const rows = await db
    .selectFrom('alerts')
    .select(['id', 'name', 'query_string', 'keywords', 'frequency', 'paused_at', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    queryString: r.query_string,
    keywords: r.keywords,
    frequency: r.frequency,
    pausedAt: r.paused_at,
    createdAt: r.created_at,
  }));
}

/** One of the person's alerts, or undefined (someone else's alert does not exist for them). */
export async function findOwnAlert(db: DbOrTrx, userId: string, alertId: string) {
  return db
    .selectFrom('alerts')
    .select(['id', 'name', 'company_id', 'paused_at', 'frequency', 'query_string'])
    .where('id', '=', alertId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  tenderReference: string;
  title: string;
  detail: string;
  discriminator: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

export async function listNotifications(db: DbOrTrx, userId: string, limit = 50): Promise<NotificationItem[]> {
  const rows = await db
    .selectFrom('notifications')
    .select(['id', 'kind', 'tender_reference', 'title', 'detail', 'discriminator', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toItem);
}

export async function notificationById(db: DbOrTrx, userId: string, id: string): Promise<NotificationItem | undefined> {
  const row = await db
    .selectFrom('notifications')
    .select(['id', 'kind', 'tender_reference', 'title', 'detail', 'discriminator', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toItem(row) : undefined;
}

function toItem(r: {
  id: string;
  kind: NotificationKind;
  tender_reference: string;
  title: string;
  detail: string;
  discriminator: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}): NotificationItem {
  return {
    id: r.id,
    kind: r.kind,
    tenderReference: r.tender_reference,
    title: r.title,
    detail: r.detail,
    discriminator: r.discriminator,
    link: r.link,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

export async function unreadCount(db: DbOrTrx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
