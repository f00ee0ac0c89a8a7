import { afterEach, describe, expect, it } from 'vitest';
import { openPdf, type OpenedPdf } from '../../src/pdf/open-pdf.ts';
import { readPdfTable } from '../../src/pdf/read-pdf-table.ts';
import { findTitleMismatch } from '../../src/pdf/title-mismatch.ts';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import type { Attachment } from '../../src/types.ts';
import { pdfFixture, samplePdf, wordTitles } from './pdf-fixtures.ts';

const form = loadCampaign().form;
let opened: OpenedPdf | null = null;
afterEach(async () => { await opened?.close(); opened = null; });

async function table(att: Attachment) {
  opened = await openPdf(att.content);
  return readPdfTable(opened, form);
}

describe('reading the titles of the recommendation table from a PDF text layer', () => {
  it('reads the 30 titles of the sample filing, in the Word table order, although LibreOffice wrapped and interleaved them', async () => {
    const result = await table(await samplePdf());
    expect(result).toMatchObject({ pages: 3, hasTextLayer: true });
    expect(result.titles).toEqual(wordTitles('sample.pdf'));
  });

  it('joins titles wrapped over several lines and a row broken across the page break of a LibreOffice export', async () => {
    const result = await table(pdfFixture('libreoffice-wrapped-two-pages.pdf'));
    expect(result.pages).toBe(3);
    expect(result.titles).toHaveLength(24);
    expect(findTitleMismatch(wordTitles('libreoffice-wrapped-two-pages.pdf'), result)).toBeNull();
  });

  it('reads a Word-like table without ruled lines by its column gutters and 序号 numbers', async () => {
    const result = await table(pdfFixture('word-like-unruled.pdf'));
    expect(result.titles).toHaveLength(24);
    expect(result.titles).toContain('洞庭湖湿地候鸟迁徙与生态保护系列科普微课（第一集）');
    expect(findTitleMismatch(wordTitles('word-like-unruled.pdf'), result)).toBeNull();
  });

  it('reads a table whose borders are thin filled bars, as Word draws them, and whose header is not repeated on page 2', async () => {
    const result = await table(pdfFixture('word-bars-header-once.pdf'));
    expect(result.titles).toEqual(wordTitles('word-bars-header-once.pdf'));
  });

  it('reads a table in a Chinese font the PDF only names (STSong-Light, UniGB-UCS2-H CMap), from the CMaps pdf.js ships', async () => {
    const result = await table(pdfFixture('adobe-song-not-embedded.pdf'));
    expect(result.titles).toEqual(wordTitles('adobe-song-not-embedded.pdf'));
  });

  it('reads a searchable scan as the scan it is: its OCR layer (invisible text, with OCR slips) is no text layer', async () => {
    expect(await table(pdfFixture('searchable-scan-ocr-slips.pdf'))).toEqual({ pages: 2, hasTextLayer: false, titles: null });
  });

  it('gives no titles and no text layer for a scan whose page is a single JPEG', async () => {
    expect(await table(pdfFixture('scan-image-only.pdf'))).toEqual({ pages: 1, hasTextLayer: false, titles: null });
  });

  it('gives no titles, but a text layer, when the table is a picture under a typed title and unit line', async () => {
    expect(await table(pdfFixture('picture-table-typed-header.pdf'))).toEqual({ pages: 1, hasTextLayer: true, titles: null });
  });

  it('reads the table of a page with a MediaBox a million points wide without rendering it', async () => {
    const result = await table(pdfFixture('huge-mediabox.pdf'));
    expect(result.titles).toEqual(wordTitles('huge-mediabox.pdf'));
  });

  it('reads past a form XObject that draws itself and arrays nested 50,000 deep', async () => {
    const result = await table(pdfFixture('self-drawing-xobject.pdf'));
    expect(result.titles).toEqual(wordTitles('self-drawing-xobject.pdf'));
  });
});
