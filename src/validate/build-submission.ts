// Joins what the attachments held into one submission: the rows of every Word table, the form line, the unit.
import type { LargeAttachment } from '../attachments/large-attachments.ts';
import type { Campaign, Email, WordReading } from '../types.ts';
import { findUnitIn, identifyUnit } from './identify-unit.ts';
import type { NotRead, PdfCheck, Submission, TableRow } from './submission.ts';

export interface ReadAttachments {
  words: WordReading[];
  pdfs: PdfCheck[];
  otherFiles: string[];
  notRead: NotRead | null;
}

export function buildSubmission(campaign: Campaign, email: Email, read: ReadAttachments, largeAttachments: LargeAttachment[] = []): Submission {
  const tables = distinctTables(read.words);
  const rows: TableRow[] = tables.flatMap((t) => t.rows.map((r) => ({ file: t.file, cells: r.cells })))
    .map((row, i) => ({ ...row, position: i + 1 }));
  const header = tables.find((t) => t.header.unit || t.header.contact || t.header.phone)?.header ?? tables[0]?.header ?? null;
  const named = tables.map((t) => ({ file: t.file, unit: findUnitIn(campaign, t.header.unit)?.name ?? '' })).filter((t) => t.unit);
  const severalUnits = new Set(named.map((t) => t.unit)).size > 1 ? named : [];
  // One email with several units' tables is no one unit's filing.
  const unit = severalUnits.length ? null : identifyUnit(campaign, {
    formUnit: header?.unit ?? '',
    subject: email.subject,
    fileNames: email.attachments.map((a) => a.filename),
    sender: email.from?.address ?? '',
  });
  return { campaign, email, ...read, largeAttachments, header, rows, unit, severalUnits };
}

export type Table = Extract<WordReading, { ok: true }>;

/** The same table sent twice (as .docx and .doc, say) counts once; different tables (one per section) add up. */
export function distinctTables(words: WordReading[]): Table[] {
  const seen = new Set<string>();
  return words.filter((w): w is Table => w.ok && w.hasTable).filter((t) => {
    const key = JSON.stringify(t.rows.map((r) => r.cells));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
