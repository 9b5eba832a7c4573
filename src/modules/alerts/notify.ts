import { sql } from 'kysely';
import type { Trx } from '../../platform/db/kysely.js';
import type { NotificationDelivery, NotificationKind } from '../../platform/db/schema.js';
import { notifyLive } from '../../platform/events/live.js';
import { uuidv7 } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import { isAddressFlagged, type MailMessage, queueMail } from '../../platform/mail/outbox.js';
import { alertMatchMail, followUpMail, type Recipient } from './mails.js';
import type { AlertMatch, MatchableDocument } from './matchDocument.js';
import { unsubscribeUrl } from './unsubscribeToken.js';

/** What notifying needs of the runtime (the worker's, or a test's). */
export interface NotifyDeps {
  jobs: JobQueue;
  publicUrl: string;
  signingSecret: string;
}

interface NewNotification {
  userId: string;
  tenderId: string;
  kind: NotificationKind;
  discriminator: string;
  alertId: string | null;
  reference: string;
  title: string;
  detail: string;
  link: string;
  delivery: NotificationDelivery;
}

/**
 * Inserts a notification unless the same (person, tender, kind, discriminator) exists: a repeated
 * event, or two alerts of one person matching one tender, notify once. Returns the new id or null.
 * The NOTIFY (ids only) reaches the live streams of every web process at commit.
 */
async function insertNotification(trx: Trx, n: NewNotification): Promise<string | null> {
  const id = uuidv7();
  const inserted = await trx
    .insertInto('notifications')
    .values({
      id,
      user_id: n.userId,
      tender_id: n.tenderId,
      kind: n.kind,
      discriminator: n.discriminator,
      alert_id: n.alertId,
      tender_reference: n.reference,
      title: n.title.slice(0, 500),
      detail: n.detail.slice(0, 1000),
      link: n.link,
      delivery: n.delivery,
    })
    .onConflict((oc) => oc.columns(['user_id', 'tender_id', 'kind', 'discriminator']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await notifyLive(trx, 'halle_notifications', `${n.userId}:${id}`);
  return id;
}

/** Mail only to an active account with a verified address the SMTP peer has not refused. */
export async function mailableRecipient(trx: Trx, userId: string): Promise<Recipient | null> {
  const user = await trx
    .selectFrom('users')
    .select(['email', 'name', 'locale', 'email_verified_at', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled_at !== null || user.email_verified_at === null) return null;
  if (await isAddressFlagged(trx, user.email)) return null;
  return { email: user.email, name: user.name, locale: user.locale };
}

async function mailAndLink(trx: Trx, deps: NotifyDeps, notificationId: string, mail: MailMessage): Promise<void> {
  const mailId = await queueMail(trx, deps.jobs, mail);
  await trx.updateTable('notifications').set({ mail_id: mailId }).where('id', '=', notificationId).execute();
}

/**
 * The notifications of a published tender's matches, in the dispatcher's transaction: one per
 * person (the first immediate alert wins over daily ones), with an immediate mail or a place in
 * tomorrow's digest.
 */
export async function notifyAlertMatches(
  trx: Trx,
  deps: NotifyDeps,
  doc: MatchableDocument,
  matches: readonly AlertMatch[],
): Promise<{ created: number; mailed: number }> {
  const byUser = new Map<string, AlertMatch>();
  for (const m of matches) {
    const kept = byUser.get(m.userId);
    if (!kept || (kept.frequency === 'daily' && m.frequency === 'immediate')) byUser.set(m.userId, m);
  }
  let created = 0;
  let mailed = 0;
  for (const match of byUser.values()) {
    const immediate = match.frequency === 'immediate';
    const id = await insertNotification(trx, {
      userId: match.userId,
      tenderId: doc.id,
      kind: 'alert_match',
      discriminator: '',
      alertId: match.alertId,
      reference: doc.reference,
      title: doc.title,
      detail: `${match.alertName} · ${doc.buyerName}`,
      link: doc.link,
      delivery: immediate ? 'immediate' : 'digest',
    });
    if (!id) continue;
    created++;
    if (!immediate) continue;
    const recipient = await mailableRecipient(trx, match.userId);
    if (!recipient) continue;
    await mailAndLink(
      trx,
      deps,
      id,
      alertMatchMail(recipient, doc, match.alertName, {
        publicUrl: deps.publicUrl,
        unsubscribe: unsubscribeUrl(deps.publicUrl, deps.signingSecret, match.alertId),
        manage: `${deps.publicUrl}/mon-espace/alertes`,
      }),
    );
    mailed++;
  }
  return { created, mailed };
}

export interface Follower {
  userId: string;
  /** the tenders module already mails identified retrievers: they get the in-app entry only */
  mailedByTenders: boolean;
}

/** A corrigendum or an answer, to the people who retrieved or watch the tender. */
export async function notifyFollowers(
  trx: Trx,
  deps: NotifyDeps,
  news: {
    tenderId: string;
    reference: string;
    title: string;
    kind: 'corrigendum' | 'answer';
    discriminator: string;
    detail: string;
    link: string;
  },
  followers: readonly Follower[],
): Promise<{ created: number; mailed: number }> {
  let created = 0;
  let mailed = 0;
  for (const follower of followers) {
    const id = await insertNotification(trx, {
      userId: follower.userId,
      tenderId: news.tenderId,
      kind: news.kind,
      discriminator: news.discriminator,
      alertId: null,
      reference: news.reference,
      title: news.title,
      detail: news.detail,
      link: news.link,
      delivery: follower.mailedByTenders ? 'none' : 'immediate',
    });
    if (!id) continue;
    created++;
    if (follower.mailedByTenders) continue;
    const recipient = await mailableRecipient(trx, follower.userId);
    if (!recipient) continue;
    await mailAndLink(trx, deps, id, followUpMail(recipient, news, deps.publicUrl));
    mailed++;
  }
  return { created, mailed };
}

/** Marks one or all of a person's notifications read; returns how many changed. */
export async function markRead(trx: Trx, userId: string, notificationId: string | 'all'): Promise<number> {
  let query = trx
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (notificationId !== 'all') query = query.where('id', '=', notificationId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
