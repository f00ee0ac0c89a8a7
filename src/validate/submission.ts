// What the deciding stages look at: one email with its attachments already read. Pure data, no I/O.
import type { LargeAttachment } from '../attachments/large-attachments.ts';
import type { Campaign, Email, FieldKey, FormHeader, UnitSpec, WordReading } from '../types.ts';
import type { ScanSharpness } from '../seal/poor-scan.ts';
import type { TooLargeImage } from '../seal/find-seals.ts';

/** One filled row of a recommendation table; position counts rows across all tables, from 1. */
export interface TableRow {
  file: string;
  position: number;
  cells: Partial<Record<FieldKey, string>>;
}

/** What a PDF attachment showed: readable or not, its titles against the Word table, its seals. */
export interface PdfCheck {
  file: string;
  /** Short Chinese reason when the PDF could not be opened. */
  unreadable: string | null;
  /** Titles that differ from the Word table; null when they agree or the PDF has no text-layer table. */
  mismatch: { missingInPdf: string[]; extraInPdf: string[] } | null;
  /** Seal check result; null while seals are not checked for this PDF (unreadable). */
  seals: { found: number; greyscaleOnly: boolean; poorScan: ScanSharpness | null; tooLargeImage: TooLargeImage | null } | null;
}

export interface UnitMatch {
  unit: UnitSpec;
  source: 'form' | 'subject' | 'file' | 'sender';
  /** The institution, for a unit whose institutions file on their own (UnitSpec.separateFilers); else null. */
  filer: string | null;
}

/** The Word and PDF files an email holds past the cap: the first one's name, how many, of how many in all, and
 *  whether a Word file and a PDF are among them (so neither is called missing). */
export interface NotRead { first: string; count: number; total: number; word: boolean; pdf: boolean }

export interface Submission {
  campaign: Campaign;
  email: Email;
  words: WordReading[];
  pdfs: PdfCheck[];
  /** Names of attachments that are neither Word nor PDF (spreadsheets, images, archives). */
  otherFiles: string[];
  /** Word and PDF files past the per-email cap, not read; null when every one was read. */
  notRead: NotRead | null;
  /** Files the sender's mail program sent as download links (超大附件), not read. */
  largeAttachments: LargeAttachment[];
  /** The 填表单位 line of the first Word table. */
  header: FormHeader | null;
  rows: TableRow[];
  unit: UnitMatch | null;
  /** Word tables whose 填表单位 name different units (one email, several units' filings): each file and its unit. */
  severalUnits: { file: string; unit: string }[];
}
