import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DbOrTrx } from '../../../platform/db/kysely.js';
import { csvBom, csvRow } from '../../../platform/export/csv.js';
import type { T } from '../../../web/i18n.js';
import {
  allIdentifiedRetrievals,
  anonymousRetrievalCounts,
  type BuyerQuestion,
  listQuestionsForBuyer,
  type RetrievalEntry,
} from './repo.js';

/**
 * The registers of a tender as rows, shared by the CSV and XLSX exports, so both always hold the
 * same columns. Times are Paris wall-clock in a sortable form (2026-10-20 12:00:00).
 */
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

export function parisTimestamp(value: Date): string {
  return parisTime.format(value);
}

type Cell = string | number;

export function retrievalsHeader(t: T): string[] {
  return [
    t('clarifications.col.date'),
    t('clarifications.col.company'),
    t('clarifications.col.siret'),
    t('clarifications.col.person'),
    t('clarifications.col.email'),
    t('clarifications.col.version'),
    t('clarifications.col.document'),
    t('clarifications.registers.anonymous.count'),
  ];
}

export function retrievalRow(entry: RetrievalEntry, t: T): Cell[] {
  return [
    parisTimestamp(entry.retrievedAt),
    entry.companyName ?? '',
    entry.companySiret ?? '',
    entry.personName ?? '',
    entry.personEmail ?? '',
    entry.dceVersion,
    entry.documentName ?? t('clarifications.registers.zip'),
    1,
  ];
}

/**
 * Every row of the retrievals register: identified downloads one by one, then anonymous ones as
 * one total per DCE version (never a row per person, never personal data).
 */
async function* retrievalRows(db: DbOrTrx, tenderId: string, t: T): AsyncGenerator<Cell[]> {
  for await (const entry of allIdentifiedRetrievals(db, tenderId)) yield retrievalRow(entry, t);
  for (const count of await anonymousRetrievalCounts(db, tenderId)) {
    yield [
      '',
      t('clarifications.csv.anonymous', { version: count.dceVersion }),
      '',
      '',
      '',
      count.dceVersion,
      '',
      count.downloads,
    ];
  }
}

export function questionsHeader(t: T): string[] {
  return [
    t('clarifications.col.number'),
    t('clarifications.col.asked_at'),
    t('clarifications.col.company'),
    t('clarifications.col.siret'),
    t('clarifications.col.person'),
    t('clarifications.col.question'),
    t('clarifications.col.answered_at'),
  ];
}

export function questionRow(q: BuyerQuestion, t: T): Cell[] {
  return [
    q.number,
    parisTimestamp(q.askedAt),
    q.companyName ?? '',
    q.companySiret ?? '',
    q.askerName ?? '',
    q.question,
    q.answeredAt ? parisTimestamp(q.answeredAt) : t('clarifications.registers.not_answered'),
  ];
}

async function* questionRows(db: DbOrTrx, tenderId: string, t: T): AsyncGenerator<Cell[]> {
  for (const q of await listQuestionsForBuyer(db, tenderId)) yield questionRow(q, t);
}

export type RegisterKind = 'retraits' | 'questions';

function registerOf(kind: RegisterKind, db: DbOrTrx, tenderId: string, t: T) {
  return kind === 'retraits'
    ? { header: retrievalsHeader(t), rows: retrievalRows(db, tenderId, t), sheet: t('clarifications.sheet.retrievals') }
    : { header: questionsHeader(t), rows: questionRows(db, tenderId, t), sheet: t('clarifications.sheet.questions') };
}

/** A register as CSV (RFC 4180, UTF-8 with BOM, formulas defused), generated as it is sent. */
export async function* registerCsv(kind: RegisterKind, db: DbOrTrx, tenderId: string, t: T): AsyncGenerator<string> {
  const register = registerOf(kind, db, tenderId, t);
  yield csvBom;
  yield csvRow(register.header);
  for await (const row of register.rows) yield csvRow(row);
}

/**
 * A register as an XLSX workbook, streamed: rows are committed as they are read, so a register of
 * any size never sits whole in memory. Cells are written as text or numbers, never formulas.
 */
export function registerXlsx(kind: RegisterKind, db: DbOrTrx, tenderId: string, t: T): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Halle';
  const register = registerOf(kind, db, tenderId, t);
  const sheet = workbook.addWorksheet(register.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = register.header.map((header) => ({ header, width: Math.max(12, Math.min(60, header.length + 6)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    for await (const row of register.rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
