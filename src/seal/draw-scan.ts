// Draws a scanned page from its own JPEGs with the native (libjpeg-turbo) decoder, scaled down into the render:
// pdf.js would decode a 300 dpi page in JavaScript, hold it several times over, and take a second or more.
import { loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { PdfObjects } from '../pdf/pdf-objects.ts';
import { pageJpegs, type Matrix, type PlacedJpeg } from './page-jpegs.ts';

/** The same bound as pdf.js is given in openPdf: a larger picture is never decoded. */
const MAX_JPEG_PIXELS = 50_000_000;

const readers = new WeakMap<PDFDocumentProxy, Promise<PdfObjects>>();

/** The object reader of a document, made once from its bytes. */
function objectsOf(document: PDFDocumentProxy): Promise<PdfObjects> {
  let reader = readers.get(document);
  if (!reader) {
    reader = document.getData().then((bytes) => new PdfObjects(bytes));
    readers.set(document, reader);
  }
  return reader;
}

/** The page's JPEGs and where they go, when the page is nothing but JPEGs; else null. */
export async function scanJpegs(document: PDFDocumentProxy, page: PDFPageProxy): Promise<PlacedJpeg[] | null> {
  return page.ref ? pageJpegs(await objectsOf(document), page.ref, MAX_JPEG_PIXELS) : null;
}

/** Paints the JPEGs onto white paper; `transform` maps PDF user space to the canvas (the page viewport's). */
export async function drawJpegs(context: SKRSContext2D, transform: Matrix, jpegs: PlacedJpeg[]): Promise<void> {
  context.save();
  context.fillStyle = 'white';
  context.fillRect(0, 0, context.canvas.width, context.canvas.height);
  context.imageSmoothingEnabled = true;
  // Averages many source pixels into each render pixel, so a thin ring is kept, not sampled away.
  context.imageSmoothingQuality = 'high';
  for (const jpeg of jpegs) {
    const image = await loadImage(jpeg.bytes);
    context.setTransform(...transform);
    context.transform(...jpeg.matrix);
    // An image fills the unit square, its first row at the top (y = 1).
    context.transform(1, 0, 0, -1, 0, 1);
    context.drawImage(image, 0, 0, 1, 1);
  }
  context.restore();
}
