import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { formatParisDate, formatParisDateTime } from '../../platform/i18n/paris-time.js';
import { formatEuros, formatPoints } from './domain/format.js';
import type { Readiness } from './ranking.js';
import type { LotView, TenderHead } from './repo.js';

/** The standard PDF fonts speak WinAnsi: anything else is replaced (narrow spaces become spaces). */
function pdfSafe(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u202f\u2009\u00a0]/g, ' ')
    .replace(/æ/g, 'ae')
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u0152\u0153]/g, '?');
}

/** A plain A4 writer: lines wrapped to the width, new pages as needed (as submissions/pdf.ts). */
class Writer {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  private newPage() {
    this.page = this.doc.addPage([595.28, 841.89]);
    this.y = 800;
  }
  line(text: string, options: { size?: number; bold?: boolean; gap?: number; indent?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const x = 50 + (options.indent ?? 0);
    const maxWidth = 595.28 - 50 - x;
    for (const paragraph of pdfSafe(text).split('\n')) {
      const words = paragraph.split(/(\s+)/);
      let current = '';
      const lines: string[] = [];
      for (const word of words) {
        const candidate = current + word;
        if (font.widthOfTextAtSize(candidate, size) > maxWidth && current.trim() !== '') {
          lines.push(current.trimEnd());
          current = word.trimStart();
          while (font.widthOfTextAtSize(current, size) > maxWidth) {
            let cut = current.length - 1;
            while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > maxWidth) cut--;
            lines.push(current.slice(0, cut));
            current = current.slice(cut);
          }
        } else current = candidate;
      }
      if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
      for (const l of lines) {
        if (this.y < 50) this.newPage();
        this.page.drawText(l, { x, y: this.y, size, font });
        this.y -= size + 4;
      }
    }
    this.y -= options.gap ?? 0;
  }
}

const admissibilityFr = { complete: 'complète', to_complete: 'à compléter', rejected: 'rejetée' } as const;
const classificationFr = {
  regular: 'régulière',
  irregular: 'irrégulière',
  unacceptable: 'inacceptable',
  inappropriate: 'inappropriée',
} as const;
const formulaFr = {
  proportional: 'proportionnelle au prix le plus bas (note = Pmin / P)',
  linear_min: 'linéaire depuis le prix le plus bas (note = max(0 ; 1 − (P − Pmin) / Pmin))',
  linear_min_max: 'linéaire entre le prix le plus bas et le plus haut (note = (Pmax − P) / (Pmax − Pmin))',
} as const;
const outcomeFr = { awarded: 'attribué', unsuccessful: 'infructueux', cancelled: 'sans suite' } as const;

/**
 * The presentation report for the committee (rapport de présentation / d'analyse des offres):
 * per lot the criteria and weights, the scale and price formula, every counted bid with its
 * admissibility and classification, the ranking with weighted points, and the decision if taken.
 */
export async function evaluationReportPdf(input: {
  tender: TenderHead;
  buyerName: string;
  startedAt: Date | null;
  lots: { view: LotView; readiness: Readiness }[];
  now: Date;
}): Promise<Uint8Array> {
  const { tender } = input;
  const doc = await PDFDocument.create();
  doc.setTitle(pdfSafe(`Rapport d’analyse des offres ${tender.reference}`));
  doc.setProducer('Halle');
  doc.setCreator('Halle');
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  w.line('Rapport de présentation — analyse des offres', { size: 16, bold: true, gap: 8 });
  w.line(`Consultation : ${tender.reference} — ${tender.title}`);
  w.line(`Acheteur : ${input.buyerName}`);
  if (input.startedAt) w.line(`Analyse commencée le ${formatParisDateTime(input.startedAt, 'fr')}`);
  w.line(`Document établi le ${formatParisDateTime(input.now, 'fr')}`, { gap: 10 });
  for (const { view, readiness } of input.lots) {
    w.line(`Lot ${view.lot.number} — ${view.lot.title}`, { size: 13, bold: true, gap: 4 });
    w.line(`Plis retenus à l’ouverture : ${view.bids.length}`);
    if (view.setup) {
      w.line('Critères et pondérations (figés à l’ouverture) :', { bold: true });
      for (const c of view.setup.criteria) {
        w.line(`– ${c.label} : ${formatPoints(c.weightBp / 100, 'fr')} %${c.kind === 'price' ? ' (prix)' : ''}`, {
          indent: 10,
        });
      }
      w.line(
        view.setup.scaleMode === 'points'
          ? 'Notation directement en points sur la pondération de chaque critère.'
          : `Notation sur ${view.setup.scaleMax} pour chaque critère, pondérée.`,
      );
      w.line(`Formule du prix : ${formulaFr[view.setup.priceFormula]}`, { gap: 4 });
    }
    w.line('Examen des plis :', { bold: true });
    for (const b of view.bids) {
      w.line(`${b.registerPosition}. ${b.companyName}${b.companySiret ? ` (SIRET ${b.companySiret})` : ''}`, {
        indent: 10,
      });
      w.line(
        `Candidature : ${b.admissibility ? admissibilityFr[b.admissibility] : 'à examiner'}${b.admissibilityReason ? ` — ${b.admissibilityReason}` : ''}`,
        { indent: 20, size: 9 },
      );
      w.line(
        `Offre : ${b.classification ? classificationFr[b.classification] : 'à classer'}${b.regularised ? ' (régularisée)' : ''}${b.classificationReason ? ` — ${b.classificationReason}` : ''}${b.amountCents !== null ? ` — montant ${formatEuros(b.amountCents, 'fr')} HT` : ''}`,
        { indent: 20, size: 9 },
      );
    }
    w.line('', { gap: 2 });
    if (readiness.ready && view.setup) {
      w.line('Classement des offres régulières (points sur 100) :', { bold: true });
      for (const o of readiness.ranking.offers) {
        const detail = view.setup.criteria
          .map((c) => `${c.label} ${formatPoints(o.points[c.id] ?? 0, 'fr')}`)
          .join(' ; ');
        w.line(
          `${o.rank}. ${o.companyName} — ${formatPoints(o.total, 'fr')} / 100 — ${formatEuros(o.amountCents, 'fr')} HT${o.tied ? (o.tieBreak === 'deposit' ? ' (ex aequo, départagé par l’ordre de dépôt)' : ' (ex aequo, départagé par le prix)') : ''}`,
          { indent: 10 },
        );
        w.line(detail, { indent: 20, size: 8 });
      }
    } else {
      w.line('Classement : analyse incomplète.', { bold: true });
    }
    const d = view.decision;
    if (d) {
      const winner = view.bids.find((b) => b.submissionId === d.winner_submission_id);
      w.line(`Décision : lot ${outcomeFr[d.outcome]} le ${formatParisDate(d.decided_at, 'fr')}`, { bold: true });
      if (winner && d.offer_amount_cents !== null) {
        w.line(`Attributaire : ${winner.companyName} pour ${formatEuros(d.offer_amount_cents, 'fr')} HT`);
      }
      if (view.setup?.strengths) w.line(`Avantages de l’offre retenue : ${view.setup.strengths}`);
      if (d.reason) w.line(`Motif : ${d.reason}`);
      if (d.standstill_ends_at) {
        w.line(
          `Fin du délai de suspension : ${formatParisDate(new Date(d.standstill_ends_at.getTime() - 1), 'fr')} à minuit`,
        );
      }
    } else {
      w.line('Décision : à prendre.', { bold: true });
    }
    w.line('', { gap: 10 });
  }
  return doc.save();
}
