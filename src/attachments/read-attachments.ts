// Stage "parse attachments": every Word file's table, every PDF's text-layer titles and seals, each within limits.
// The only stage of the decision that does heavy work; what it returns is plain data for the pure checks.
import { ATTACHMENT_TIME_LIMIT_MS, MAX_FILES_READ, readTimeoutReason } from '../limits.ts';
import { describePdfError } from '../pdf/pdf-errors.ts';
import { readPdfAttachment } from '../pdf/read-pdf-attachment.ts';
import { findTitleMismatch } from '../pdf/title-mismatch.ts';
import { findSeals } from '../seal/find-seals.ts';
import type { Attachment, FormSpec, StampFinding, WordReading } from '../types.ts';
import { distinctTables, type ReadAttachments } from '../validate/build-submission.ts';
import type { PdfCheck } from '../validate/submission.ts';
import { readWordTable } from '../word/read-word-table.ts';
import { attachmentKind } from './classify.ts';

export interface AttachmentsRead {
  found: ReadAttachments;
  stamps: StampFinding[];
  /** A PDF's text layer holds the recommendation table (ties a Word-less email to the campaign). */
  pdfHoldsTable: boolean;
}

/** How a caller follows and bounds the reading file by file (the pipeline thread: a time limit per file). */
export interface AttachmentWatch {
  /** Told the attachment's index in the email before its file is read, and null once all are read. */
  onFile?(index: number | null): void;
  /** Files an earlier run was stopped on, by index, with the reason to report: not opened again. */
  stopped?: Readonly<Record<number, string>>;
}

export async function readAttachments(
  attachments: Attachment[], form: FormSpec, watch: AttachmentWatch = {},
): Promise<AttachmentsRead> {
  // Word files first, so that a table sent behind many PDFs (appendices, say) is read within the cap, not missed.
  const ofKind = (kind: 'word' | 'pdf') => attachments.filter((x) => attachmentKind(x) === kind);
  const files = [...ofKind('word'), ...ofKind('pdf')];
  const toRead = files.slice(0, MAX_FILES_READ);
  const skipped = files.slice(MAX_FILES_READ);
  /** Announces the file about to be read; the reason it must not be opened, if any. */
  const begin = (a: Attachment): string | undefined => {
    const index = attachments.indexOf(a);
    watch.onFile?.(index);
    return watch.stopped?.[index];
  };
  const words: WordReading[] = [];
  for (const a of toRead.filter((x) => attachmentKind(x) === 'word')) {
    const stopped = begin(a);
    words.push(stopped ? { file: a.filename, ok: false, reason: stopped } : await readWordWithinLimit(a, form));
  }
  const wordTitles = distinctTables(words).flatMap((t) => t.rows.map((r) => r.cells.title ?? ''));

  const pdfs: PdfCheck[] = [];
  const stamps: StampFinding[] = [];
  let pdfHoldsTable = false;
  for (const a of toRead.filter((x) => attachmentKind(x) === 'pdf')) {
    const stopped = begin(a);
    if (stopped) {
      pdfs.push({ file: a.filename, unreadable: stopped, mismatch: null, seals: null });
      continue;
    }
    const { reading, opened } = await readPdfAttachment(a, form);
    if (!reading.ok || !opened) {
      pdfs.push({ file: a.filename, unreadable: reading.ok ? '无法打开' : reading.reason, mismatch: null, seals: null });
      continue;
    }
    try {
      // A page pdf.js opened but cannot draw (a damaged font or string) leaves the seal unchecked: unreadable, not a crash.
      const seals = await findSeals(opened.document, a.filename).catch((err: unknown) => describePdfError(err));
      if (typeof seals === 'string') {
        pdfs.push({ file: a.filename, unreadable: seals, mismatch: null, seals: null });
        continue;
      }
      stamps.push(...seals.stamps);
      pdfHoldsTable ||= reading.titles !== null;
      pdfs.push({
        file: a.filename,
        unreadable: null,
        mismatch: wordTitles.length ? findTitleMismatch(wordTitles, reading) : null,
        seals: { found: seals.stamps.length, greyscaleOnly: seals.greyscaleOnly, poorScan: seals.poorScan, tooLargeImage: seals.tooLargeImage },
      });
    } finally {
      await opened.close();
    }
  }
  watch.onFile?.(null);
  const notRead = skipped.length === 0 ? null : {
    first: skipped[0].filename, count: skipped.length, total: files.length,
    word: skipped.some((x) => attachmentKind(x) === 'word'), pdf: skipped.some((x) => attachmentKind(x) === 'pdf'),
  };
  const otherFiles = attachments.filter((x) => attachmentKind(x) === 'other').map((x) => x.filename);
  return { found: { words, pdfs, otherFiles, notRead }, stamps, pdfHoldsTable };
}

/** A Word file that takes too long is unreadable, not a stuck pipeline. */
async function readWordWithinLimit(attachment: Attachment, form: FormSpec): Promise<WordReading> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<WordReading>((resolve) => {
    timer = setTimeout(() => resolve({ file: attachment.filename, ok: false, reason: readTimeoutReason(ATTACHMENT_TIME_LIMIT_MS) }), ATTACHMENT_TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([readWordTable(attachment, form), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
