// The table's rules and the seal check's render share one operator list per page: pdf.js's worker reads the page
// once, and the render draws exactly what it draws when it asks for the list itself.
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
 *  drew only grey, and how often pdf.js asked its worker for the page's operators. */
async function render(pdf: Uint8Array, rulesFirst: boolean): Promise<{ pixels: string; neutralOnly: boolean; workerAsked: number }> {
  const opened = await openPdf(pdf);
  try {
    const page = await opened.document.getPage(1);
    // Each time pdf.js asks its worker for a page's operators it pumps a new operator list stream.
    const pump = vi.spyOn(page as unknown as { _pumpOperatorList(args: unknown): unknown }, '_pumpOperatorList');
    if (rulesFirst) await readRules(page as PDFPageProxy);
    const raster = await renderPage(opened.document, 1, DEFAULT_RASTER);
    const { data } = raster.context.getImageData(0, 0, raster.width, raster.height);
    return { pixels: createHash('sha1').update(data).digest('hex'), neutralOnly: raster.neutralOnly, workerAsked: pump.mock.calls.length };
  } finally {
    await opened.close();
  }
}

describe('one operator list per page for the rules and the render', () => {
  // The seal's picture puts colour on the first page; the second is black text and rules only.
  for (const [name, pdf, grey] of [
    ['a LibreOffice table with an electronic seal', async () => (await samplePdf()).content, false],
    ['a Word table drawn with filled border bars', async () => pdfFixture('word-bars-header-once.pdf').content, true],
  ] as const) {
    it(`${name}: read once, drawn the same`, async () => {
      const bytes = await pdf();
      const alone = await render(bytes, false);
      const shared = await render(bytes, true);
      expect(alone.workerAsked).toBe(1);
      expect(shared.workerAsked).toBe(1);
      expect(shared.pixels).toBe(alone.pixels);
      // The seal render's text filter finds the list it is handed, and still tells a grey page.
      expect(shared.neutralOnly).toBe(grey);
      expect(alone.neutralOnly).toBe(grey);
    });
  }
});

describe('the table reader and a scan', () => {
  // Asked for a scan page's operators, pdf.js decodes its JPEG, which the seal check draws natively: twice the CPU.
  it('does not ask pdf.js for the operators of a page without text, and does for one with an OCR layer', async () => {
    for (const [file, asked] of [['scan-image-only.pdf', 0], ['searchable-scan-ocr-slips.pdf', 1]] as const) {
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
