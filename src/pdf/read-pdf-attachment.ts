// Reads one PDF attachment for the pipeline: size check, one open, the text-layer table, within the time limit.
// Any failure becomes a reading with a reason (UNREADABLE_ATTACHMENT), never a throw.
import type { Attachment, FormSpec, PdfReading } from '../types.ts';
import { ATTACHMENT_TIME_LIMIT_MS, MAX_ATTACHMENT_BYTES } from '../limits.ts';
import { openPdf, type OpenedPdf } from './open-pdf.ts';
import { describePdfError, PdfTimeLimitError, PdfTooLargeError } from './pdf-errors.ts';
import { readPdfTable } from './read-pdf-table.ts';

/**
 * `opened` is set exactly when `reading.ok`: the caller then owns it, hands `opened.document` to the seal check
 * and must `close()` it (in a finally). When reading fails, the PDF is already closed here.
 */
export interface PdfAttachmentResult { reading: PdfReading; opened: OpenedPdf | null }

export async function readPdfAttachment(att: Attachment, form: FormSpec): Promise<PdfAttachmentResult> {
  const file = att.filename;
  if (att.content.length > MAX_ATTACHMENT_BYTES) {
    return { reading: { file, ok: false, reason: describePdfError(new PdfTooLargeError(att.content.length)) }, opened: null };
  }
  let opened: OpenedPdf | null = null;
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const timeLimit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { late = true; reject(new PdfTimeLimitError()); }, ATTACHMENT_TIME_LIMIT_MS);
  });
  try {
    const table = await Promise.race([
      openPdf(att.content).then((pdf) => {
        // Opened only after the time ran out: nobody else will close it.
        if (late) return pdf.close().then(() => { throw new PdfTimeLimitError(); });
        opened = pdf;
        return readPdfTable(pdf, form);
      }),
      timeLimit,
    ]);
    return { reading: { file, ok: true, ...table }, opened };
  } catch (err) {
    // Destroying the document also stops pdf.js work still running after a time-out.
    await (opened as OpenedPdf | null)?.close().catch(() => undefined);
    return { reading: { file, ok: false, reason: describePdfError(err) }, opened: null };
  } finally {
    clearTimeout(timer);
  }
}
