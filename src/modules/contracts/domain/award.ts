import { z } from 'zod';

/**
 * The `lot.awarded` event as the evaluation module records it (see the issue #7 interfaces), and
 * the first values of the contract drawn from it. Pure.
 */
export const lotAwardedPayload = z.object({
  id: z.string().uuid(),
  tenderId: z.string().uuid(),
  lotId: z.string().uuid(),
  lotNumber: z.number().int(),
  lotTitle: z.string(),
  tender: z.object({
    reference: z.string(),
    title: z.string(),
    procedureType: z.string(),
    mainCategory: z.enum(['works', 'goods', 'services']),
    cpvCodes: z.array(z.string()),
    department: z.string().nullable(),
    nutsCode: z.string().nullable(),
    durationMonths: z.number().int().nullable(),
    hasOptions: z.boolean(),
    optionsDescription: z.string().nullable(),
    socialClauseInsertion: z.boolean(),
    socialClauseOther: z.boolean(),
    environmentalClause: z.boolean(),
    environmentalCriterion: z.boolean(),
    reservedContract: z.string().nullable(),
    publishedAt: z.string().nullable(),
  }),
  buyer: z.object({ id: z.string().uuid(), name: z.string(), siret: z.string() }),
  winner: z.object({
    companyId: z.string().uuid(),
    name: z.string(),
    siret: z.string(),
    consortium: z
      .object({
        lead: z.string(),
        members: z.array(z.object({ name: z.string(), siret: z.string().nullable() })),
      })
      .nullable(),
  }),
  offerAmountCents: z.number().int().nullable(),
  offersReceived: z.number().int(),
  decidedAt: z.string(),
  decidedBy: z.string(),
  standstillEndsAt: z.string(),
});
export type LotAwarded = z.infer<typeof lotAwardedPayload>;

const procedureOf: Record<string, string> = {
  adapted: 'Procédure adaptée',
  open: "Appel d'offres ouvert",
  restricted: "Appel d'offres restreint",
  competitive_negotiation: 'Procédure avec négociation',
  competitive_dialogue: 'Dialogue compétitif',
  negotiated_without_notice: 'Marché passé sans publicité ni mise en concurrence préalable',
};

export interface InitialContractValues {
  object: string;
  contractors: { name: string; siret: string | null }[];
  groupingType: 'Conjoint' | 'Pas de groupement';
  amountCents: number | null;
  durationMonths: number | null;
  hasOptions: boolean;
  optionsDescription: string | null;
  cpvCode: string | null;
  placeCode: string | null;
  placeType: string | null;
  procedure: string | null;
  techniques: string[];
  ccag: string;
  offersReceived: number | null;
  socialConsiderations: string[];
  environmentalConsiderations: string[];
  insertionClause: boolean;
}

/** What the award tells of the contract; the buyer completes the rest before notification. */
export function initialContractValues(award: LotAwarded): InitialContractValues {
  const t = award.tender;
  const lotPart =
    award.lotTitle && award.lotTitle !== 'Lot unique' ? ` — lot ${award.lotNumber} : ${award.lotTitle}` : '';
  const contractors: { name: string; siret: string | null }[] = [
    { name: award.winner.name, siret: award.winner.siret },
  ];
  for (const member of award.winner.consortium?.members ?? []) {
    if (member.siret !== award.winner.siret) contractors.push({ name: member.name, siret: member.siret });
  }
  const social: string[] = [];
  if (t.socialClauseInsertion || t.socialClauseOther) social.push('Clause sociale');
  if (t.reservedContract) social.push('Marché réservé');
  const environmental: string[] = [];
  if (t.environmentalClause) environmental.push('Clause environnementale');
  if (t.environmentalCriterion) environmental.push('Critère environnemental');
  const cpv = t.cpvCodes[0] ?? null;
  return {
    object: `${t.title}${lotPart}`.slice(0, 1000),
    contractors,
    groupingType: contractors.length > 1 ? 'Conjoint' : 'Pas de groupement',
    amountCents: award.offerAmountCents,
    durationMonths: t.durationMonths,
    hasOptions: t.hasOptions,
    optionsDescription: t.optionsDescription,
    cpvCode: cpv && /^[0-9]{8}(-[0-9])?$/.test(cpv) ? cpv : null,
    placeCode: t.department,
    placeType: t.department ? 'Code département' : null,
    procedure: procedureOf[t.procedureType] ?? null,
    techniques: t.procedureType === 'design_contest' ? ['Concours'] : ['Sans objet'],
    ccag: t.mainCategory === 'works' ? 'Travaux' : 'Fournitures courantes et services',
    offersReceived: award.offersReceived >= 1 ? award.offersReceived : null,
    socialConsiderations: social.length ? social : ['Pas de considération sociale'],
    environmentalConsiderations: environmental.length ? environmental : ['Pas de considération environnementale'],
    insertionClause: t.socialClauseInsertion,
  };
}
