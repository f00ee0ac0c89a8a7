// Renders one PDF page to pixels at a bounded resolution: enough to see a 40 mm seal ring, never more than a pixel budget.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { drawScanImages, scanImagesOf } from './draw-scan.ts';
import { isPoorScan, sharpnessOf } from './poor-scan.ts';
import type { Matrix } from './page-scan-images.ts';
import { paintsOnlyGrey, skipNeutralText } from './skip-neutral-text.ts';
import { drawOperatorList, takeFetchedOperators } from '../pdf/page-operators.ts';

export interface RasterOptions {
  /** Render resolution; 72 dpi draws a 42 mm seal 119 px across with a ring about 3 px wide. */
  dpi: number;
  /** Upper bound on width x height of one page render; huge MediaBoxes are scaled down to fit. */
  maxPixels: number;
  /** Leave black and grey text out (the seal check's render); a picture for a person draws everything. */
  skipNeutralText?: boolean;
}

export const DEFAULT_RASTER: RasterOptions = { dpi: 72, maxPixels: 1_500_000, skipNeutralText: true };

export interface PageRaster {
  canvas: Canvas;
  context: SKRSContext2D;
  width: number;
  height: number;
  /** Pixels per PDF point (1/72 inch), to turn pixel boxes back into page coordinates. */
  pxPerPt: number;
  /** Pixels per point of the paper the page stands for: sizes in millimetres are measured with this. */
  pxPerPaperPt: number;
  /** Nothing but grey can be on the page (its drawing operators were all read): no seal, no colour to look for. The
   *  seal check's render of such a page may be left undrawn. */
  neutralOnly: boolean;
  /** The page is a scan drawn from JPEGs too coarse or too compressed to trust their colours (poor-scan.ts). */
  poorScan: boolean;
}

/** Shorter sides of real paper, A6 to A3, in mm; a page outside them was made at another scale. */
const MIN_PAPER_SHORT_MM = 100;
const MAX_PAPER_SHORT_MM = 320;
const A4_SHORT_MM = 210;

/**
 * How many points of this page make one point of paper. 1 for paper-sized pages; for a page far from any paper size
 * (scan apps that make the page as many points as the image has pixels: a 300 dpi A4 scan becomes 2480 x 3508 pt),
 * the page is taken for A4 scaled, so a 42 mm seal is still measured as 42 mm.
 */
export function pageToPaper(widthPt: number, heightPt: number): number {
  const shortMm = (Math.max(1, Math.min(Math.abs(widthPt), Math.abs(heightPt))) * 25.4) / 72;
  return shortMm > MAX_PAPER_SHORT_MM || shortMm < MIN_PAPER_SHORT_MM ? shortMm / A4_SHORT_MM : 1;
}

/** Longest side of a render: a page 0 points wide and 2^31 long must not become a strip of gigabytes. */
const MAX_SIDE_PX = 10_000;

/** The render scale for a page of this size: the requested dpi, lowered until the page fits the pixel budget. */
export function rasterScale(widthPt: number, heightPt: number, options: RasterOptions): number {
  // The resolution is meant on paper: an oversized page is rendered as its paper would be.
  const wanted = options.dpi / 72 / pageToPaper(widthPt, heightPt);
  // A side under one point still renders one pixel wide, so it counts as one point.
  const width = Math.max(1, Math.abs(widthPt));
  const height = Math.max(1, Math.abs(heightPt));
  const fitting = Math.sqrt(options.maxPixels / (width * height));
  return Math.min(wanted, fitting, MAX_SIDE_PX / Math.max(width, height));
}

export async function renderPage(
  document: PDFDocumentProxy,
  pageNumber: number,
  options: RasterOptions = DEFAULT_RASTER,
): Promise<PageRaster> {
  const page = await document.getPage(pageNumber);
  try {
    const natural = page.getViewport({ scale: 1 });
    const pxPerPt = rasterScale(natural.width, natural.height, options);
    const viewport = page.getViewport({ scale: pxPerPt });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    const images = await scanImagesOf(document, page);
    const raster = {
      canvas, context, width, height, pxPerPt, pxPerPaperPt: pxPerPt * pageToPaper(natural.width, natural.height), poorScan: false,
    };
    // Every render takes the list fetched for the page's table, if any: it is good for one render only.
    const fetched = takeFetchedOperators(page);
    if (images) {
      await drawScanImages(context, viewport.transform as Matrix, images);
      const sharpness = sharpnessOf(images, pageToPaper(natural.width, natural.height));
      return { ...raster, neutralOnly: false, poorScan: sharpness !== null && isPoorScan(sharpness) };
    }
    // A page whose operators paint nothing but grey is not drawn for the seal check: its pixels would not be read.
    if (fetched && options.skipNeutralText && paintsOnlyGrey(page, fetched)) return { ...raster, neutralOnly: true };
    if (fetched) drawOperatorList(page, fetched);
    const filter = options.skipNeutralText ? skipNeutralText(page) : null;
    // pdf.js's typings name the DOM canvas; @napi-rs/canvas is the Node implementation pdf.js itself uses.
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, operationsFilter: filter?.keep }).promise;
    return { ...raster, neutralOnly: filter?.neutralOnly() ?? false };
  } finally {
    page.cleanup();
  }
}
