// The table's rules and the seal check's render share one operator list per page: pdf.js's worker reads the page
// once, and the render draws exactly what it draws when it asks for the list itself; a page whose list paints only
// grey is not drawn at all.
import { createHash } from 'node:crypto';
import type { PDFPageProxy } from 'pdfjs-dist';
import { describe, expect, it, vi } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { readPdfTable } from '../../src/pdf/read-pdf-table.ts';
import { readRules } from '../../src/pdf/ruled-lines.ts';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import { DEFAULT_RASTER, renderPage } from '../../src/seal/render-page.ts';
import { pdfFixture, samplePdf } from './pdf-fixtures.ts';

/** Renders page 1 as the seal check does, after reading its rules or not: the pixels' hash, whether the render
 *  drew only grey, whether anything was drawn, and how often pdf.js asked its worker for the page's operators. */
async function render(pdf: Uint8Array, rulesFirst: boolean): Promise<{ pixels: string; drawn: boolean; neutralOnly: boolean; workerAsked: number }> {
  const opened = await openPdf(pdf);
  try {
    const page = await opened.document.getPage(1);
    // Each time pdf.js asks its worker for a page's operators it pumps a new operator list stream.
    const pump = vi.spyOn(page as unknown as { _pumpOperatorList(args: unknown): unknown }, '_pumpOperatorList');
    if (rulesFirst) await readRules(page as PDFPageProxy);
    const raster = await renderPage(opened.document, 1, DEFAULT_RASTER);
    const { data } = raster.context.getImageData(0, 0, raster.width, raster.height);
    return {
      pixels: createHash('sha1').update(data).digest('hex'), drawn: data.some((v) => v !== 0),
      neutralOnly: raster.neutralOnly, workerAsked: pump.mock.calls.length,
    };
  } finally {
    await opened.close();
  }
}

describe('one operator list per page for the rules and the render', () => {
  it('a LibreOffice table with an electronic seal: read once, drawn the same', async () => {
    // The seal's picture puts colour on the first page.
    const bytes = (await samplePdf()).content;
    const alone = await render(bytes, false);
    const shared = await render(bytes, true);
    expect(alone.workerAsked).toBe(1);
    expect(shared.workerAsked).toBe(1);
    expect(shared.pixels).toBe(alone.pixels);
    // The seal render's text filter finds the list it is handed.
    expect(shared.neutralOnly).toBe(false);
    expect(alone.neutralOnly).toBe(false);
  });

  it('a Word table drawn with filled border bars, black text and rules only: read once, and not drawn once read', async () => {
    const bytes = pdfFixture('word-bars-header-once.pdf').content;
    const alone = await render(bytes, false);
    const shared = await render(bytes, true);
    expect(alone.workerAsked).toBe(1);
    expect(shared.workerAsked).toBe(1);
    // Drawn, its filter tells a grey page; with its operators read for the rules, the grey is seen before drawing.
    expect(alone.neutralOnly).toBe(true);
    expect(shared.neutralOnly).toBe(true);
    expect(alone.drawn).toBe(true);
    expect(shared.drawn).toBe(false);
  });
});

describe('the table reader and a scan', () => {
  // Asked for a scan page's operators, pdf.js decodes its JPEG, which the seal check draws natively: twice the CPU.
  // A searchable scan's OCR layer is told invisible from the PDF's own bytes (src/seal/page-scan-images.ts).
  it('does not ask pdf.js for the operators of a scan, with or without an OCR layer, and does for a page of text', async () => {
    for (const [file, asked] of [['scan-image-only.pdf', 0], ['searchable-scan-ocr-slips.pdf', 0], ['libreoffice-wrapped-two-pages.pdf', 1]] as const) {
      const opened = await openPdf(pdfFixture(file).content);
      try {
        const page = await opened.document.getPage(1);
        const pump = vi.spyOn(page as unknown as { _pumpOperatorList(args: unknown): unknown }, '_pumpOperatorList');
        await readPdfTable(opened, loadCampaign().form);
        expect(pump.mock.calls.length, file).toBe(asked);
      } finally {
        await opened.close();
      }
    }
  });
});
