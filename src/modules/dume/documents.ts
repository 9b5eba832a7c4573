import { randomUUID } from 'node:crypto';
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import { espdCriteria } from './catalogue.js';
import { defaultAnswers } from './domain/criteria.js';
import { espdRequestXml, espdResponseXml } from './domain/espdXml.js';
import { exclusionGroundNames } from './domain/groundNames.js';
import type { DumeCompany, DumeTender } from './repo.js';

/** The ESPD documents of a tender: the buyer's request, the company's response as XML and PDF. */

function tenderOf(t: DumeTender) {
  return { reference: t.reference, title: t.title, description: t.description, procedureType: t.procedureType };
}

function buyerOf(t: DumeTender) {
  return {
    name: t.buyer.name,
    siret: t.buyer.siret,
    street: '',
    city: t.buyer.city,
    postalCode: '',
    email: t.buyer.email || undefined,
  };
}

export function requestXml(tender: DumeTender, now = new Date()): string {
  return espdRequestXml({
    tender: tenderOf(tender),
    buyer: buyerOf(tender),
    criteria: espdCriteria(),
    uuid: randomUUID(),
    issuedAt: now,
  });
}

export function responseXml(
  tender: DumeTender,
  company: DumeCompany,
  answers: Record<string, boolean> | undefined,
  now = new Date(),
): string {
  const criteria = espdCriteria();
  return espdResponseXml({
    tender: tenderOf(tender),
    buyer: buyerOf(tender),
    company: {
      name: company.name,
      siret: company.siret,
      street: company.street,
      city: company.city,
      postalCode: company.postalCode,
      sme: company.size === 'TPE' || company.size === 'PME' ? true : null,
    },
    criteria,
    answers: { ...defaultAnswers(criteria), ...answers },
    uuid: randomUUID(),
    responseIds: () => randomUUID(),
    issuedAt: now,
  });
}

/** The standard PDF fonts speak WinAnsi: anything else would throw; it becomes '?'. */
function winAnsi(text: string): string {
  return text.replace(/[^\x20-\x7e\u00a0-\u00ff\u2019\u2018\u201c\u201d\u2013\u2014\u20ac\u0152\u0153\u2026]/g, '?');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of winAnsi(text).split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A readable PDF of the response, in French: parties, tender, then each question and its answer. */
export async function responsePdf(
  tender: DumeTender,
  company: DumeCompany,
  answers: Record<string, boolean> | undefined,
  now = new Date(),
): Promise<Uint8Array> {
  const criteria = espdCriteria();
  const all = { ...defaultAnswers(criteria), ...answers };
  const pdf = await PDFDocument.create();
  pdf.setTitle(`DUME — ${tender.reference} — ${company.name}`);
  pdf.setLanguage('fr-FR');
  pdf.setProducer('Halle');
  pdf.setCreationDate(now);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 800;
  const write = (text: string, options: { font?: PDFFont; size?: number; gap?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    for (const line of wrap(text, font, size, 495)) {
      if (y < 60) {
        page = pdf.addPage([595, 842]);
        y = 800;
      }
      page.drawText(line, { x: 50, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 4;
    }
    y -= options.gap ?? 4;
  };
  write('Document unique de marché européen (DUME) — réponse', { font: bold, size: 16, gap: 10 });
  write(`Consultation ${tender.reference} : ${tender.title}`, { font: bold, size: 12 });
  write(`Acheteur : ${tender.buyer.name}`, { gap: 10 });
  write('Opérateur économique', { font: bold, size: 12 });
  write(`${company.name} — SIRET ${company.siret}`);
  write([company.street, company.postalCode, company.city].filter(Boolean).join(' '), { gap: 10 });
  write('Motifs d’exclusion', { font: bold, size: 12 });
  for (const c of criteria.filter((x) => x.kind === 'exclusion')) {
    const name = exclusionGroundNames[c.typeCode]?.fr ?? c.name;
    write(`${name} : ${all[c.questionId] ? 'OUI — l’opérateur est dans cette situation' : 'Non'}`);
  }
  y -= 6;
  write('Critères de sélection', { font: bold, size: 12 });
  for (const c of criteria.filter((x) => x.kind === 'selection')) {
    write(
      `Indication globale pour tous les critères de sélection : ${all[c.questionId] ? 'Oui, l’opérateur satisfait à tous les critères de sélection requis' : 'Non'}`,
    );
  }
  y -= 10;
  write(
    `Établi le ${now.toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })} sur Halle. Version ESPD-EDM 2.1.1.`,
    { size: 8 },
  );
  return pdf.save();
}
