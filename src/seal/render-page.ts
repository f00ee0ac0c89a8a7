// Renders one PDF page to pixels at a bounded resolution: enough to see a 40 mm seal ring, never more than a pixel budget.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { drawJpegs, scanJpegs } from './draw-scan.ts';
import type { Matrix } from './page-jpegs.ts';
import { skipNeutralText } from './skip-neutral-text.ts';

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
  /** Pixels per PDF point (1/72 inch), to turn pixel boxes back into page coordinates and millimetres. */
  pxPerPt: number;
}

/** Longest side of a render: a page 0 points wide and 2^31 long must not become a strip of gigabytes. */
const MAX_SIDE_PX = 10_000;

/** The render scale for a page of this size: the requested dpi, lowered until the page fits the pixel budget. */
export function rasterScale(widthPt: number, heightPt: number, options: RasterOptions): number {
  const wanted = options.dpi / 72;
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
    const jpegs = await scanJpegs(document, page);
    if (jpegs) await drawJpegs(context, viewport.transform as Matrix, jpegs);
    // pdf.js's typings name the DOM canvas; @napi-rs/canvas is the Node implementation pdf.js itself uses.
    else {
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement, viewport,
        operationsFilter: options.skipNeutralText ? skipNeutralText(page) : undefined,
      }).promise;
    }
    return { canvas, context, width, height, pxPerPt };
  } finally {
    page.cleanup();
  }
}
