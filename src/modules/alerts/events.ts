import type { Trx } from '../../platform/db/kysely.js';
import type { EventSubscriber } from '../../platform/events/outbox.js';
import { type AnnouncedIntention, announcedIntention } from '../intentions/index.js';
import { identifiedRetrievers, loadTendersForIndex, type TenderForIndex } from '../tenders/index.js';
import { watchersOf } from '../watchlist/index.js';
import { type MatchableDocument, matchDocument } from './matchDocument.js';
import { type Follower, type NotifyDeps, notifyAlertMatches, notifyFollowers } from './notify.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our tenders as matchable documents; imported tenders and purchase intentions will bring theirs. */
export function matchableTender(t: TenderForIndex): MatchableDocument {
  return {
    id: t.id,
    reference: t.reference,
    title: t.title,
    texts: [t.title, t.lotsText, t.cpvLabels, t.buyerName, t.description],
    cpvDivisions: [...new Set(t.cpvCodes.map((c) => c.slice(0, 2)).filter((d) => /^\d{2}$/.test(d)))],
    department: t.department,
    procedure: t.procedureType,
    category: t.mainCategory,
    buyerId: t.buyerId,
    buyerName: t.buyerName,
    clauses: [
      ...(t.socialClause ? (['social'] as const) : []),
      ...(t.environmentalClause ? (['environmental'] as const) : []),
      ...(t.reservedContract ? (['reserved'] as const) : []),
    ],
    submissionDeadline: t.submissionDeadline,
    link: t.sourceUrl ?? `/consultations/${encodeURIComponent(t.reference)}`,
  };
}

/**
 * A purchase intention as a matchable document: its words, CPV and the buyer's department. It has
 * no procedure or category yet, so alerts filtered on those do not match it; the reader goes to
 * the intention's public page.
 */
export function matchableIntention(i: AnnouncedIntention): MatchableDocument {
  return {
    id: i.id,
    reference: `INT-${i.id.slice(0, 8).toUpperCase()}`,
    title: i.title,
    texts: [i.title, i.cpvLabel, i.buyerName, i.description],
    cpvDivisions: /^\d{2}/.test(i.cpvCode) ? [i.cpvCode.slice(0, 2)] : [],
    department: i.department,
    procedure: 'purchase_intention',
    category: '',
    buyerId: i.buyerId,
    buyerName: i.buyerName,
    clauses: [],
    submissionDeadline: null,
    link: `/intentions/${encodeURIComponent(i.id)}`,
  };
}

async function tenderOf(trx: Trx, id: unknown): Promise<TenderForIndex | undefined> {
  if (typeof id !== 'string' || !uuidPattern.test(id)) return undefined;
  const [tender] = await loadTendersForIndex(trx, [id]);
  return tender;
}

async function followersOf(trx: Trx, tenderId: string): Promise<Follower[]> {
  const retrievers = new Set((await identifiedRetrievers(trx, tenderId)).map((r) => r.userId));
  const followers = new Map<string, Follower>();
  for (const userId of retrievers) followers.set(userId, { userId, mailedByTenders: true });
  for (const userId of await watchersOf(trx, tenderId)) {
    if (!followers.has(userId)) followers.set(userId, { userId, mailedByTenders: false });
  }
  return [...followers.values()];
}

/**
 * The alerts module listens to tender events: a publication is matched against every alert; a
 * corrigendum or an answer goes to the people who retrieved or watch the tender. Each runs in the
 * dispatcher's transaction, so notifications, mails and the event's dispatch commit together.
 */
export function alertsSubscribers(deps: NotifyDeps): EventSubscriber[] {
  return [
    {
      name: 'alerts.match-published-tender',
      types: ['tender.published'],
      async handle(trx, event) {
        const tender = await tenderOf(trx, event.aggregateId ?? event.payload.id);
        // a late event of a tender since closed or cancelled announces nothing
        if (tender?.status !== 'published') return;
        const doc = matchableTender(tender);
        await notifyAlertMatches(trx, deps, doc, await matchDocument(trx, doc));
      },
    },
    {
      // an upcoming need announced by a buyer reaches the alerts it matches, as a tender would
      name: 'alerts.match-purchase-intention',
      types: ['intention.published'],
      async handle(trx, event) {
        const id = event.aggregateId ?? event.payload.id;
        if (typeof id !== 'string' || !uuidPattern.test(id)) return;
        const intention = await announcedIntention(trx, id);
        if (!intention) return;
        const doc = matchableIntention(intention);
        await notifyAlertMatches(trx, deps, doc, await matchDocument(trx, doc));
      },
    },
    {
      name: 'alerts.tender-follow-ups',
      types: ['tender.amended', 'tender.answered'],
      async handle(trx, event) {
        const tender = await tenderOf(trx, event.aggregateId ?? event.payload.id);
        const number = Number(event.payload.number);
        if (!tender || !Number.isInteger(number) || number < 1) return;
        const kind = event.type === 'tender.amended' ? 'corrigendum' : 'answer';
        const link = `/consultations/${encodeURIComponent(tender.reference)}${kind === 'answer' ? `#question-${number}` : ''}`;
        await notifyFollowers(
          trx,
          deps,
          {
            tenderId: tender.id,
            reference: tender.reference,
            title: tender.title,
            kind,
            discriminator: String(number),
            // shown in each reader's language from kind and number (see followUpLabel)
            detail: '',
            link,
          },
          await followersOf(trx, tender.id),
        );
      },
    },
  ];
}
