import { describe, expect, it } from 'vitest';
import { readPdfAttachment } from '../../src/pdf/read-pdf-attachment.ts';
import { describePdfError, PdfTimeLimitError, PdfTooLargeError } from '../../src/pdf/pdf-errors.ts';
import { MAX_ATTACHMENT_BYTES } from '../../src/limits.ts';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import type { Attachment } from '../../src/types.ts';
import { pdfFixture, wordTitles } from './pdf-fixtures.ts';

const form = loadCampaign().form;

async function reasonFor(att: Attachment): Promise<string> {
  const { reading, opened } = await readPdfAttachment(att, form);
  expect(opened).toBeNull();
  if (reading.ok) throw new Error(`${att.filename} was read`);
  return reading.reason;
}

describe('reading a PDF attachment for the pipeline', () => {
  it('returns the reading and the still-open PDF, which the caller closes after the seal check', async () => {
    const { reading, opened } = await readPdfAttachment(pdfFixture('word-like-unruled.pdf'), form);
    expect(reading).toMatchObject({ file: 'word-like-unruled.pdf', ok: true, pages: 2, hasTextLayer: true });
    expect(opened?.document.numPages).toBe(2);
    await opened?.close();
  });

  it('refuses a password-protected PDF with a reason saying it is encrypted', async () => {
    expect(await reasonFor(pdfFixture('encrypted-password.pdf'))).toMatch(/密码|加密/);
  });

  it('refuses a truncated PDF as damaged or incomplete', async () => {
    expect(await reasonFor(pdfFixture('truncated.pdf'))).toMatch(/损坏|不完整/);
  });

  it('refuses a Word file named .pdf as not a PDF', async () => {
    expect(await reasonFor(pdfFixture('not-a-pdf.pdf'))).toMatch(/不是 PDF/);
  });

  it('refuses a PDF of 3000 pages naming the page limit, without reading its pages', async () => {
    expect(await reasonFor(pdfFixture('many-pages.pdf'))).toMatch(/3000 页.*50 页/);
  });

  it('refuses a file over the size limit before opening it, naming the limit in MB', async () => {
    const huge = { ...pdfFixture('truncated.pdf'), content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1) };
    expect(await reasonFor(huge)).toMatch(/25 MB/);
  });

  it('reads a hostile PDF (self-drawing XObject, deep nesting) to a reading rather than a throw', async () => {
    const { reading, opened } = await readPdfAttachment(pdfFixture('self-drawing-xobject.pdf'), form);
    await opened?.close();
    expect(reading).toMatchObject({ ok: true, titles: wordTitles('self-drawing-xobject.pdf') });
  });
});

describe('describing why a PDF could not be read', () => {
  it('gives a reason for errors it does not know, and for values that are not errors', () => {
    expect(describePdfError(new Error('boom'))).toMatch(/无法读取/);
    expect(describePdfError('boom')).toMatch(/无法读取/);
  });

  it('names the size of a too-large PDF in MB', () => {
    expect(describePdfError(new PdfTooLargeError(30 * 1024 * 1024))).toMatch(/30\.0 MB.*25 MB/);
  });

  it('words a PDF past its time limit as every file stopped at a limit is worded, naming the seconds', () => {
    expect(describePdfError(new PdfTimeLimitError())).toBe('读取超时（文件过于复杂或已损坏，20 秒内未能读完）');
  });
});
