import { formatParisDateTime } from '../../platform/i18n/paris-time.js';
import type { Locale } from '../../platform/i18n/translator.js';
import { hashToken } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import type { T } from '../../web/i18n.js';
import { buildCalendar, type CalendarEvent } from './domain/ics.js';
import { userIdByCalendarTokenHash, watchedTenders } from './repo.js';

/** Tokens are base64url of 32 random octets (43 characters); anything else is not even looked up. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/**
 * The ICS feed behind a secret address: the watched tenders' submission and question deadlines.
 * An unknown token gives null (a 404), the same as a malformed one.
 */
export async function calendarFeed(
  rt: Runtime,
  input: { token: string; t: T; locale: Locale; now?: Date },
): Promise<string | null> {
  if (!tokenShape.test(input.token)) return null;
  const userId = await userIdByCalendarTokenHash(rt.db, hashToken(input.token));
  if (!userId) return null;
  const { t } = input;
  const tenders = await watchedTenders(rt.db, userId);
  const events: CalendarEvent[] = [];
  for (const tender of tenders) {
    const url = `${rt.config.publicUrl}/consultations/${encodeURIComponent(tender.reference)}`;
    const description = t('watchlist.ics.description', {
      buyer: tender.buyerName,
      reference: tender.reference,
      title: tender.title,
      url,
    });
    const names = { reference: tender.reference, title: tender.title };
    if (tender.submissionDeadline) {
      events.push({
        uid: `${tender.id}-deadline@halle`,
        start: tender.submissionDeadline,
        summary: t('watchlist.ics.submission', names),
        description: `${description}\n${formatParisDateTime(tender.submissionDeadline, input.locale)}`,
        url,
      });
    }
    if (tender.questionsDeadline) {
      events.push({
        uid: `${tender.id}-questions@halle`,
        start: tender.questionsDeadline,
        summary: t('watchlist.ics.questions', names),
        description: `${description}\n${formatParisDateTime(tender.questionsDeadline, input.locale)}`,
        url,
      });
    }
  }
  return buildCalendar(events, {
    name: t('watchlist.ics.name'),
    prodId: '-//Halle//Panier//FR',
    now: input.now ?? new Date(),
  });
}
