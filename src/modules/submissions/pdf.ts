import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import type { SignedReceipt } from './domain/receipt.js';
import type { OpeningReport } from './openSubmissions.js';

/** The standard PDF fonts speak WinAnsi: anything else is replaced, never a crash on a file name. */
function pdfSafe(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u0152\u0153]/g, '?');
}

/** A plain A4 writer: lines wrapped to the width, new pages as needed. */
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
  line(text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const maxWidth = 595.28 - 100;
    const words = pdfSafe(text).split(/(\s+)/);
    let current = '';
    const lines: string[] = [];
    for (const word of words) {
      const candidate = current + word;
      if (font.widthOfTextAtSize(candidate, size) > maxWidth && current.trim() !== '') {
        lines.push(current.trimEnd());
        current = word.trimStart();
        // a single word longer than the line (a hash): cut it
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
      this.page.drawText(l, { x: 50, y: this.y, size, font });
      this.y -= size + 4;
    }
    this.y -= options.gap ?? 0;
  }
}

async function writer(title: string): Promise<{ doc: PDFDocument; w: Writer }> {
  const doc = await PDFDocument.create();
  doc.setTitle(pdfSafe(title));
  doc.setProducer('Halle');
  doc.setCreator('Halle');
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  return { doc, w };
}

export async function receiptPdf(receipt: SignedReceipt): Promise<Uint8Array> {
  const b = receipt.body;
  const { doc, w } = await writer(`Accusé de réception ${b.tender.reference}`);
  w.line('Accusé de réception de pli électronique', { size: 16, bold: true, gap: 8 });
  w.line(`Consultation : ${b.tender.reference} — ${b.tender.title}`);
  w.line(`Acheteur : ${b.buyer.name}`);
  w.line(`Entreprise : ${b.company.name}${b.company.siret ? ` (SIRET ${b.company.siret})` : ''}`);
  if (b.consortium) {
    w.line(
      `Groupement : mandataire ${b.consortium.lead} ; ${b.consortium.members.map((m) => `${m.name}${m.siret ? ` (${m.siret})` : ''}`).join(' ; ')}`,
    );
  }
  w.line(`Lots : ${b.lots.join(', ')}`);
  w.line(`Date et heure de scellement (UTC, horloge du serveur) : ${b.sealedAt}`, { bold: true });
  w.line(b.late ? 'HORS DÉLAI : scellé après la date limite, conservé, ne sera pas ouvert.' : 'Dans les délais.', {
    bold: true,
    gap: 6,
  });
  w.line('Fichiers', { size: 12, bold: true });
  for (const f of b.files) {
    w.line(`${f.name} — ${f.kind === 'offer' ? `offre lot ${f.lot}` : 'candidature'} — ${f.sizeBytes} octets`);
    w.line(`SHA-256 : ${f.sha256}`, { size: 8, gap: 2 });
  }
  w.line(`Registre des dépôts : position ${b.register.position}`, { gap: 0 });
  w.line(`Empreinte de l’entrée : ${b.register.entryHash}`, { size: 8, gap: 6 });
  w.line(`Signature Ed25519 de la plateforme (clé ${receipt.signature.keyId}) :`);
  w.line(receipt.signature.value, { size: 8, gap: 6 });
  w.line('La version JSON de cet accusé se vérifie hors ligne : halle verify-receipt accuse.json', { size: 9 });
  w.line('Clé publique : /.well-known/halle-signing-key', { size: 9 });
  return doc.save();
}

const standingLabel = { counts: 'retenu', superseded: 'remplacé', late: 'HORS DÉLAI' } as const;

export async function reportPdf(report: OpeningReport): Promise<Uint8Array> {
  const { doc, w } = await writer(`Procès-verbal d’ouverture ${report.tender.reference}`);
  w.line('Procès-verbal d’ouverture des plis', { size: 16, bold: true, gap: 8 });
  w.line(`Consultation : ${report.tender.reference} — ${report.tender.title}`);
  w.line(`Acheteur : ${report.tender.buyer}`);
  w.line(`Date limite de remise (UTC) : ${report.tender.deadline}`);
  w.line(`Ouverture (UTC) : ${report.openedAt}, par ${report.openedBy}`);
  w.line(`Détenteurs de clé présents : ${report.holders.join(', ')}`);
  w.line(
    report.register.valid
      ? `Registre des dépôts : ${report.register.length} entrées, chaîne intacte, tête ${report.register.head}`
      : `Registre des dépôts ALTÉRÉ : ${report.register.problem}`,
    { gap: 8 },
  );
  for (const s of report.submissions) {
    w.line(`${s.position}. ${s.company}${s.siret ? ` (SIRET ${s.siret})` : ''} — ${standingLabel[s.standing]}`, {
      bold: true,
    });
    w.line(`Scellé le ${s.sealedAt} (UTC) — lots ${s.lots.join(', ')}`);
    for (const f of s.files) {
      const state = f.intact === null ? 'non ouvert' : f.intact ? 'intact' : 'ALTÉRÉ';
      w.line(`${f.name} — ${f.sizeBytes} octets — ${state}`);
      w.line(`SHA-256 : ${f.sha256}`, { size: 8 });
    }
    w.line('', { gap: 4 });
  }
  return doc.save();
}
