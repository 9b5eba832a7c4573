import { translatorFor } from '../../web/i18n.js';
import { formatEuros } from '../tenders/index.js';
import type { Contract } from './repo.js';

/** The notification letter posted to the winner (French: the language of the procedure). */
export function notificationLetter(contract: Contract, publicUrl: string): { subject: string; body: string } {
  const t = translatorFor('fr');
  const subject = t('contracts.notification.subject', { id: contract.decpId, object: contract.object });
  const start = contract.startDate
    ? new Date(`${contract.startDate}T12:00:00Z`).toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'UTC' })
    : '—';
  const body = t('contracts.notification.body', {
    buyer: contract.buyerName,
    id: contract.decpId,
    object: contract.object,
    reference: contract.tenderReference,
    lot: contract.lotNumber,
    amount: contract.amountCents === null ? '—' : formatEuros(contract.amountCents, 'fr'),
    duration: contract.durationMonths ?? '—',
    start,
    url: `${publicUrl}/mon-espace/marches/${contract.id}`,
  });
  // the subject is at most 200 characters: a long object is cut
  return { subject: [...subject].length > 200 ? `${[...subject].slice(0, 199).join('')}…` : subject, body };
}
