// Scan apps often make a PDF page as many points as the scan has pixels (a 150 dpi A4 scan becomes a 1754 x 1240 pt
// page, over 60 cm wide): its seal is still measured on the A4 paper the page stands for, and found, and its
// resolution is judged on that paper (not as a 72 dpi scan of its points).
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { PdfObjects } from '../../src/pdf/pdf-objects.ts';
import { pageScanImages } from '../../src/seal/page-scan-images.ts';
import { pageToPaper } from '../../src/seal/render-page.ts';
import { sealCheckOf } from './seal-check-of.ts';

const sample = (name: string) => readFileSync(new URL(`../fixtures/seal/${name}`, import.meta.url));

/** The scan of a corpus sample (100 dpi), placed on a page as many points as a 200 dpi scan of it has pixels. */
async function atPixelSize(pdf: Uint8Array): Promise<Uint8Array> {
  const opened = await openPdf(pdf);
  const page = await opened.document.getPage(1);
  const [jpeg] = pageScanImages(new PdfObjects(pdf), page.ref!, 50_000_000)!;
  await opened.close();
  const doc = await PDFDocument.create();
  // A copy: pdf-lib reads the JPEG through its whole underlying buffer, not the view.
  const image = await doc.embedJpg(new Uint8Array(jpeg.bytes));
  const [width, height] = [jpeg.width * 2, jpeg.height * 2];
  doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  return doc.save();
}

async function sealPages(pdf: Uint8Array): Promise<number[]> {
  return (await sealCheckOf(pdf)).stamps.map((s) => s.page);
}

describe('pages not at paper size', () => {
  it('takes paper-sized pages as they are and far larger or smaller ones for scaled A4', () => {
    expect(pageToPaper(842, 595)).toBe(1);
    expect(pageToPaper(1191, 842)).toBe(1);
    expect(pageToPaper(1754, 1240)).toBeCloseTo((1240 * 25.4) / 72 / 210, 5);
    expect(pageToPaper(210, 297)).toBeCloseTo((210 * 25.4) / 72 / 210, 5);
  });

  it('finds the seal of a scan on a page of its pixel size, and none on an unstamped one', async () => {
    const stamped = await atPixelSize(sample('071-stamped-scan.pdf'));
    const page = (await PDFDocument.load(stamped)).getPage(0).getSize();
    expect(Math.min(page.width, page.height) * 25.4 / 72).toBeGreaterThan(320);
    expect(await sealPages(stamped)).toEqual([1]);
    expect(await sealPages(await atPixelSize(sample('253-trap-grey-scan.pdf')))).toEqual([]);
  });

  it('judges its resolution on the paper: an unstamped 100 dpi scan there is not asked for a better scan', async () => {
    const check = await sealCheckOf(await atPixelSize(sample('173-plain.pdf')));
    expect(check).toMatchObject({ stamps: [], greyscaleOnly: false, poorScan: null });
  });
});
