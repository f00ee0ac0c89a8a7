// Scanned pages are drawn from their own JPEGs, natively: the same picture pdf.js would render, found through plain
// objects and object streams alike, also under a searchable scan's invisible OCR text; a page with anything else on
// it (visible text, an annotation drawn over it), or a JPEG claiming a huge size, is left to pdf.js.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { PdfObjects } from '../../src/pdf/pdf-objects.ts';
import { pageScanImages } from '../../src/seal/page-scan-images.ts';
import { jpegSize } from '../../src/seal/scan-image.ts';
import { renderPage } from '../../src/seal/render-page.ts';
import { scanJpeg, scanPdf } from './scan-pdf.ts';
import { appendContent } from '../pdf/page-content.ts';

async function pdfJsPixels(pdf: Uint8Array): Promise<Uint8ClampedArray> {
  const opened = await openPdf(pdf);
  try {
    const page = await opened.document.getPage(1);
    const viewport = page.getViewport({ scale: 1 });
    const canvas = createCanvas(viewport.width, viewport.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    return canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  } finally {
    await opened.close();
  }
}

describe('scanned pages drawn from their JPEGs', () => {
  it.each([true, false])('finds the page JPEG (object streams: %s) and draws what pdf.js draws', async (objectStreams) => {
    const pdf = await scanPdf({ objectStreams });
    const opened = await openPdf(pdf);
    try {
      const page = await opened.document.getPage(1);
      const jpegs = pageScanImages(new PdfObjects(pdf), page.ref!, 50_000_000);
      expect(jpegs?.map((j) => [j.width, j.height, j.matrix])).toEqual([[600, 420, [842, 0, 0, 595, 0, 0]]]);
      const raster = await renderPage(opened.document, 1);
      const ours = raster.context.getImageData(0, 0, raster.width, raster.height).data;
      const theirs = await pdfJsPixels(pdf);
      let diff = 0;
      for (let i = 0; i < ours.length; i++) diff += Math.abs(ours[i] - theirs[i]);
      expect(diff / ours.length).toBeLessThan(4);
    } finally {
      await opened.close();
    }
  });

  it('leaves a page with anything besides its JPEG to pdf.js', async () => {
    const pdf = await scanPdf({ objectStreams: true, text: true });
    const opened = await openPdf(pdf);
    try {
      expect(pageScanImages(new PdfObjects(pdf), (await opened.document.getPage(1)).ref!, 50_000_000)).toBeNull();
    } finally {
      await opened.close();
    }
  });

  it.each([
    ['a stamp annotation', [{ subtype: 'Stamp', flags: 4 }]],
    ['a signature field', [{ subtype: 'Link', flags: 4 }, { subtype: 'Widget', flags: 4 }]],
  ])('leaves a scan with %s drawn over it to pdf.js, which draws the annotation', async (_, annotations) => {
    const pdf = await scanPdf({ objectStreams: false, annotations });
    expect(pageScanImages(new PdfObjects(pdf), await pageRef(pdf), 50_000_000)).toBeNull();
  });

  it('still draws a scan from its JPEGs when its annotations are not shown: links, hidden ones', async () => {
    const pdf = await scanPdf({ objectStreams: true, annotations: [{ subtype: 'Link', flags: 4 }, { subtype: 'Stamp', flags: 4 | 2 }] });
    expect(pageScanImages(new PdfObjects(pdf), await pageRef(pdf), 50_000_000)).toHaveLength(1);
  });

  it.each([
    ['mode 3 set inside the text object', 'BT 3 Tr /F1 9 Tf 1 0 0 1 40 500 Tm (OCR words) Tj ET', true],
    ['mode 3 set before it, in marked content, with a colour and every way of showing text',
      '/Span <</MCID 0>> BDC 3 Tr 0 g BT /F1 9 Tf 40 500 Td 10 TL (a) Tj [(b) -20 (c)] TJ (d) \' 1 2 (e) " T* ET EMC', true],
    ['visible text', 'BT /F1 9 Tf 40 500 Td (drawn) Tj ET', false],
    ['text that clips (mode 7)', 'BT 7 Tr /F1 9 Tf 40 500 Td (clip) Tj ET', false],
    ['mode 3 undone by Q before the text', 'q 3 Tr Q BT /F1 9 Tf 40 500 Td (drawn) Tj ET', false],
    ['a graphics state that may change how the picture is painted', '/GS1 gs', false],
  ])('a scan with %s (content: %s) is drawn from its JPEGs: %s', async (_, ops, drawn) => {
    const doc = await PDFDocument.load(await scanPdf({ objectStreams: false }));
    const font = await doc.embedFont(StandardFonts.Helvetica);
    appendContent(doc, doc.getPage(0), ops, { Font: { F1: font.ref } });
    const pdf = await doc.save();
    expect(pageScanImages(new PdfObjects(pdf), await pageRef(pdf), 50_000_000) !== null).toBe(drawn);
  });

  it('reads a JPEG size from its frame header and refuses one over the pixel bound', async () => {
    const jpeg = await scanJpeg();
    expect(jpegSize(jpeg)).toEqual({ width: 600, height: 420, progressive: false });
    const pdf = await scanPdf({ objectStreams: false });
    const opened = await openPdf(pdf);
    try {
      expect(pageScanImages(new PdfObjects(pdf), (await opened.document.getPage(1)).ref!, 600 * 420 - 1)).toBeNull();
    } finally {
      await opened.close();
    }
  });
});

async function pageRef(pdf: Uint8Array) {
  const opened = await openPdf(pdf);
  try {
    return (await opened.document.getPage(1)).ref!;
  } finally {
    await opened.close();
  }
}
