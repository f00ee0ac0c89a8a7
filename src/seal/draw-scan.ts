// Draws a scanned page from its own JPEGs with the native (libjpeg-turbo) decoder, scaled down into the render:
// pdf.js would decode a 300 dpi page in JavaScript, hold it several times over, and take a second or more. A scan
// too large to decode whole (a JPEG, or a Flate image pdf.js would leave out) is read at an eighth of its size.
import { createCanvas, ImageData, loadImage, type Canvas, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { PdfObjects } from '../pdf/pdf-objects.ts';
import { pageJpegs, type Matrix, type PlacedJpeg } from './page-jpegs.ts';
import { decodeJpegEighth } from './jpeg-eighth.ts';
import { decodeFlateEighth } from './flate-eighth.ts';
import { MAX_IMAGE_PIXELS } from '../limits.ts';

/** A sequential JPEG or a Flate image up to this is read at an eighth (a 1200 dpi A4 scan is 140 million pixels): at
 *  most 3 million pixels kept, its data read once. A progressive JPEG is not, as its decoder holds every coefficient. */
const MAX_EIGHTH_PIXELS = 200_000_000;

const readers = new WeakMap<PDFDocumentProxy, Promise<PdfObjects>>();

/** The object reader of a document, made once from its bytes. */
export function objectsOf(document: PDFDocumentProxy): Promise<PdfObjects> {
  let reader = readers.get(document);
  if (!reader) {
    reader = document.getData().then((bytes) => new PdfObjects(bytes));
    readers.set(document, reader);
  }
  return reader;
}

/** The page's JPEGs and where they go, when the page is nothing but JPEGs; else null. */
export async function scanJpegs(document: PDFDocumentProxy, page: PDFPageProxy): Promise<PlacedJpeg[] | null> {
  const jpegs = page.ref ? pageJpegs(await objectsOf(document), page.ref, MAX_EIGHTH_PIXELS) : null;
  return jpegs?.some((jpeg) => jpeg.progressive && !decodedWhole(jpeg)) ? null : jpegs;
}

const decodedWhole = (jpeg: PlacedJpeg) => jpeg.width * jpeg.height <= MAX_IMAGE_PIXELS;

/** The JPEG's pixels, whole or at an eighth of its size. */
async function jpegImage(jpeg: PlacedJpeg): Promise<Image | Canvas> {
  if (decodedWhole(jpeg)) return loadImage(jpeg.bytes);
  const { width, height, rgba } = jpeg.flate
    ? await decodeFlateEighth(jpeg.bytes, jpeg.width, jpeg.height, jpeg.flate) : decodeJpegEighth(jpeg.bytes);
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas;
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
    const image = await jpegImage(jpeg);
    context.setTransform(...transform);
    context.transform(...jpeg.matrix);
    // An image fills the unit square, its first row at the top (y = 1).
    context.transform(1, 0, 0, -1, 0, 1);
    context.drawImage(image, 0, 0, 1, 1);
  }
  context.restore();
}
