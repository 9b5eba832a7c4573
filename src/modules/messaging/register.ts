import { csvBom, csvRow } from '../../platform/export/csv.js';
import type { T } from '../../web/i18n.js';
import type { RegisterEntry } from './repo.js';
import { categoryKey } from './views/parts.js';

const parisTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** Paris wall-clock in a sortable form (2026-10-20 12:00:00), as the other registers. */
function parisTimestamp(value: Date | null): string {
  return value ? parisTime.format(value) : '';
}

/**
 * The exchanges register as CSV (RFC 4180, UTF-8 with BOM, formulas defused): the whole history,
 * bodies included, for the buyer's file of the procedure.
 */
export function* registerCsv(entries: RegisterEntry[], t: T): Generator<string> {
  yield csvBom;
  yield csvRow([
    t('messaging.col.date'),
    t('messaging.col.company'),
    t('messaging.col.siret'),
    t('messaging.col.direction'),
    t('messaging.col.category'),
    t('messaging.col.sender'),
    t('messaging.form.subject'),
    t('messaging.form.body'),
    t('messaging.col.attachments'),
    t('messaging.col.delivered'),
    t('messaging.col.read'),
  ]);
  for (const e of entries) {
    yield csvRow([
      parisTimestamp(e.createdAt),
      e.companyName,
      e.companySiret ?? '',
      t(e.side === 'buyer' ? 'messaging.from.buyer' : 'messaging.from.company'),
      t(categoryKey(e.category)),
      e.senderName ?? '',
      e.subject,
      e.body,
      e.attachments.join(' ; '),
      parisTimestamp(e.deliveredAt),
      e.readAt ? parisTimestamp(e.readAt) : t('messaging.register.not_read'),
    ]);
  }
}
