import { formatEuros, formatPoints } from './format.js';

/**
 * The letters sent at an award decision, composed here (pure) and posted through the secure
 * messaging. They are legal documents addressed to French companies and are written in French
 * whatever the reader's language (R2181-1 to R2181-4, R2182-1 of the code de la commande publique).
 */
export interface LetterContext {
  tender: { reference: string; title: string };
  buyerName: string;
  lot: { number: number; title: string; count: number };
  winner: { name: string; total: number; amountCents: number };
  /** characteristics and relative advantages of the winning offer, as written by the buyer */
  strengths: string;
  /** last day of the standstill period, already formatted ("13 mars 2026") */
  standstillLastDay: string;
  standstillDays: number;
}

export type RejectionGround =
  | { kind: 'ranked'; rank: number; total: number; rankedCount: number }
  | { kind: 'candidature'; reason: string }
  | { kind: 'offer'; classification: 'irregular' | 'unacceptable' | 'inappropriate'; reason: string };

const classificationFr = {
  irregular: 'irrégulière',
  unacceptable: 'inacceptable',
  inappropriate: 'inappropriée',
} as const;

function lotLabel(c: LetterContext): string {
  return c.lot.count > 1 ? `lot n° ${c.lot.number} « ${c.lot.title} »` : `marché « ${c.tender.title} »`;
}

export function rejectionLetter(c: LetterContext, ground: RejectionGround): { subject: string; body: string } {
  const reasons =
    ground.kind === 'ranked'
      ? [
          `Votre offre, régulière, a été classée au rang ${ground.rank} sur ${ground.rankedCount} avec une note de ${formatPoints(ground.total, 'fr')} sur 100.`,
          'Elle n’a pas été retenue car elle n’est pas l’offre économiquement la plus avantageuse au regard des critères d’attribution annoncés.',
        ]
      : ground.kind === 'candidature'
        ? [
            'Votre candidature a été rejetée pour le motif suivant :',
            ground.reason,
            'Votre offre n’a donc pas été examinée.',
          ]
        : [
            `Votre offre a été jugée ${classificationFr[ground.classification]} et éliminée pour le motif suivant :`,
            ground.reason,
          ];
  return {
    subject: `Rejet de votre offre — ${c.tender.reference}${c.lot.count > 1 ? ` lot ${c.lot.number}` : ''}`,
    body: [
      'Madame, Monsieur,',
      '',
      `Nous avons le regret de vous informer que votre offre pour le ${lotLabel(c)} de la consultation ${c.tender.reference} « ${c.tender.title} » n’a pas été retenue.`,
      '',
      'Motifs du rejet :',
      ...reasons,
      '',
      `Le marché est attribué à ${c.winner.name}, dont l’offre a obtenu la note de ${formatPoints(c.winner.total, 'fr')} sur 100 pour un montant de ${formatEuros(c.winner.amountCents, 'fr')} HT.`,
      '',
      'Caractéristiques et avantages relatifs de l’offre retenue :',
      c.strengths,
      '',
      `Conformément à l’article R2182-1 du code de la commande publique, le marché ne sera pas signé avant l’expiration d’un délai de ${c.standstillDays} jours à compter de l’envoi de la présente notification, soit pas avant la fin du ${c.standstillLastDay} (heure de Paris). Vous pouvez, pendant ce délai, former un référé précontractuel devant le tribunal administratif.`,
      '',
      `${c.buyerName}`,
    ].join('\n'),
  };
}

export function awardLetter(c: LetterContext): { subject: string; body: string } {
  return {
    subject: `Attribution — ${c.tender.reference}${c.lot.count > 1 ? ` lot ${c.lot.number}` : ''}`,
    body: [
      'Madame, Monsieur,',
      '',
      `Nous avons le plaisir de vous informer que votre offre pour le ${lotLabel(c)} de la consultation ${c.tender.reference} « ${c.tender.title} » est retenue, avec une note de ${formatPoints(c.winner.total, 'fr')} sur 100 pour un montant de ${formatEuros(c.winner.amountCents, 'fr')} HT.`,
      '',
      `Les autres candidats sont informés du rejet de leur offre ce jour. Le marché ne pourra être signé qu’à l’expiration du délai de suspension de ${c.standstillDays} jours (article R2182-1), soit après le ${c.standstillLastDay} (heure de Paris). Le marché signé vous sera ensuite notifié par la messagerie sécurisée.`,
      '',
      `${c.buyerName}`,
    ].join('\n'),
  };
}

/** The letter telling bidders that a lot is declared unsuccessful or cancelled (R2185-1). */
export function abandonLetter(
  c: {
    tender: { reference: string; title: string };
    buyerName: string;
    lot: { number: number; title: string; count: number };
  },
  outcome: 'unsuccessful' | 'cancelled',
  reason: string,
): { subject: string; body: string } {
  const what =
    c.lot.count > 1
      ? `le lot n° ${c.lot.number} « ${c.lot.title} » de la consultation ${c.tender.reference} « ${c.tender.title} »`
      : `la consultation ${c.tender.reference} « ${c.tender.title} »`;
  return {
    subject: `${outcome === 'cancelled' ? 'Abandon de la procédure' : 'Procédure infructueuse'} — ${c.tender.reference}${c.lot.count > 1 ? ` lot ${c.lot.number}` : ''}`,
    body: [
      'Madame, Monsieur,',
      '',
      `Nous vous informons que ${what} est ${outcome === 'cancelled' ? (c.lot.count > 1 ? 'déclaré sans suite' : 'déclarée sans suite') : c.lot.count > 1 ? 'déclaré infructueux' : 'déclarée infructueuse'}, pour le motif suivant :`,
      reason,
      '',
      `${c.buyerName}`,
    ].join('\n'),
  };
}
