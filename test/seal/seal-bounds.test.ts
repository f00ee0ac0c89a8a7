// The seal check's bounds on hostile PDFs: a huge page is rendered within the pixel budget; a long PDF is checked
// on its first pages only, and says so.
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { findSeals } from '../../src/seal/find-seals.ts';
import { DEFAULT_RASTER, rasterScale, renderPage } from '../../src/seal/render-page.ts';

async function blankPdf(pages: number, size: [number, number]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage(size);
  return doc.save();
}

describe('seal check bounds', () => {
  it('renders an A4 page at the requested resolution', () => {
    expect(rasterScale(595, 842, DEFAULT_RASTER)).toBe(1);
  });

  it('scales a page with a huge MediaBox down to the pixel budget', async () => {
    const opened = await openPdf(await blankPdf(1, [14_400, 14_400]));
    try {
      const raster = await renderPage(opened.document, 1);
      expect(raster.width * raster.height).toBeLessThanOrEqual(DEFAULT_RASTER.maxPixels);
    } finally {
      await opened.close();
    }
  });

  it('checks only the first pages of a long PDF and reports it truncated', async () => {
    const opened = await openPdf(await blankPdf(5, [595, 842]));
    try {
      const check = await findSeals(opened.document, 'long.pdf', { maxPages: 2 });
      expect(check).toEqual({ stamps: [], pagesChecked: 2, greyscaleOnly: false, poorScan: null, tooLargeImage: null, truncated: true });
    } finally {
      await opened.close();
    }
  });

  it('finds the electronic seal on the first page of the sample county submission', async () => {
    const pdf = readFileSync(new URL('../fixtures/seal/xiangyin-sample.pdf', import.meta.url));
    const opened = await openPdf(pdf);
    try {
      const check = await findSeals(opened.document, 'xiangyin-sample.pdf');
      expect(check.stamps.map((s) => s.page)).toEqual([1]);
      const [x, y, w, h] = check.stamps[0].box;
      expect(x).toBeGreaterThan(90);
      expect(x + w).toBeLessThan(240);
      expect(y + h).toBeLessThan(190);
    } finally {
      await opened.close();
    }
  });
});
