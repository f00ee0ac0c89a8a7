// A scan as it may reach the bot in other hands: its page's JPEG drawn again smaller, saved at another JPEG quality,
// its pixels changed (photographed under other light), as a one-page PDF.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { openPdf } from '../../../src/pdf/open-pdf.ts';
import { PdfObjects } from '../../../src/pdf/pdf-objects.ts';
import { pageJpegs } from '../../../src/seal/page-jpegs.ts';

export interface Redraw {
  /** Pixels per inch of the new picture over the page's paper size; by default the scan's own size. */
  dpi?: number;
  quality: number;
  /** Changes the pixels (RGBA) before they are saved. */
  paint?: (data: Uint8ClampedArray, width: number, height: number) => void;
}

/** The first page's scan drawn again as `redraw` says and saved as a one-page PDF of one JPEG. */
export async function redrawnScan(bytes: Uint8Array, redraw: Redraw): Promise<Uint8Array> {
  const opened = await openPdf(bytes);
  const page = await opened.document.getPage(1);
  const [width, height] = [page.view[2] - page.view[0], page.view[3] - page.view[1]];
  const [scan] = pageJpegs(new PdfObjects(bytes), page.ref!, 50_000_000) ?? [];
  await opened.close();
  if (!scan) throw new Error('not a page of one JPEG');
  const image = await loadImage(scan.bytes);
  const canvas = redraw.dpi === undefined ? createCanvas(image.width, image.height)
    : createCanvas(Math.round((width / 72) * redraw.dpi), Math.round((height / 72) * redraw.dpi));
  const g = canvas.getContext('2d');
  g.imageSmoothingQuality = 'high';
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  if (redraw.paint) {
    const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
    redraw.paint(pixels.data, canvas.width, canvas.height);
    g.putImageData(pixels, 0, 0);
  }
  const doc = await PDFDocument.create();
  doc.addPage([width, height]).drawImage(await doc.embedJpg(await canvas.encode('jpeg', redraw.quality)), { x: 0, y: 0, width, height });
  return doc.save();
}
