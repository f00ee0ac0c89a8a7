// Draws a scanned page from its own images (JPEGs, with the native libjpeg-turbo decoder), scaled down into the render:
// pdf.js would decode a 300 dpi page in JavaScript, hold it several times over, and take a second or more. A scan
// too large to decode whole (a JPEG, or a Flate image pdf.js would leave out) is read at an eighth of its size.
import { createCanvas, ImageData, loadImage, type Canvas, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { PdfObjects } from '../pdf/pdf-objects.ts';
import { pageScanImages, type Matrix, type PlacedScanImage } from './page-scan-images.ts';
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

/** The page's scan images and where they go, when the page is nothing but such images; else null. */
export async function scanImagesOf(document: PDFDocumentProxy, page: PDFPageProxy): Promise<PlacedScanImage[] | null> {
  const images = page.ref ? pageScanImages(await objectsOf(document), page.ref, MAX_EIGHTH_PIXELS) : null;
  return images?.some((image) => image.progressive && !decodedWhole(image)) ? null : images;
}

const decodedWhole = (image: PlacedScanImage) => image.width * image.height <= MAX_IMAGE_PIXELS;

/** The image's pixels, whole or at an eighth of its size. */
async function decoded(image: PlacedScanImage): Promise<Image | Canvas> {
  if (decodedWhole(image)) return loadImage(image.bytes);
  const { width, height, rgba } = image.flate
    ? await decodeFlateEighth(image.bytes, image.width, image.height, image.flate) : decodeJpegEighth(image.bytes);
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas;
}

/** Paints the images onto white paper; `transform` maps PDF user space to the canvas (the page viewport's). */
export async function drawScanImages(context: SKRSContext2D, transform: Matrix, images: PlacedScanImage[]): Promise<void> {
  context.save();
  context.fillStyle = 'white';
  context.fillRect(0, 0, context.canvas.width, context.canvas.height);
  context.imageSmoothingEnabled = true;
  // Averages many source pixels into each render pixel, so a thin ring is kept, not sampled away.
  context.imageSmoothingQuality = 'high';
  for (const placed of images) {
    const image = await decoded(placed);
    context.setTransform(...transform);
    context.transform(...placed.matrix);
    // An image fills the unit square, its first row at the top (y = 1).
    context.transform(1, 0, 0, -1, 0, 1);
    context.drawImage(image, 0, 0, 1, 1);
  }
  context.restore();
}
