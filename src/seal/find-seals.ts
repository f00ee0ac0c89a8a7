// The seal check of one PDF: renders each page (up to a page cap) and looks for official seals on it;
// says when none can be seen because the pages are grey-scale scans, or scans too coarse or too compressed, where a
// seal's red is lost.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { StampFinding } from '../types.ts';
import { MAX_IMAGE_PIXELS, MAX_PDF_PAGES } from '../limits.ts';
import { DEFAULT_RASTER, pageToPaper, type RasterOptions } from './render-page.ts';
import { checkPage } from './check-page.ts';
import { isScannedPage } from './scanned-page.ts';
import { objectsOf, scanImagesOf } from './draw-scan.ts';
import { oversizedImage, type ImageSize } from './oversized-images.ts';
import { coarsest, isPoorScan, sharpnessOf, type ScanSharpness } from './poor-scan.ts';

export interface SealCheck {
  stamps: StampFinding[];
  pagesChecked: number;
  /** No seal seen, and a page is a grey-scale scan: a seal may be there, but its colour is lost (a scanner that
   *  tells colour pages from black-and-white ones, or an app's modes page by page, may keep only a cover in colour). */
  greyscaleOnly: boolean;
  /** No seal seen, and the scans are so coarse or so compressed that a seal's red may be lost: their lowest resolution
   *  and JPEG quality (then greyscaleOnly is false: the answer asks for a better scan, in colour); else null. */
  poorScan: ScanSharpness | null;
  /** No seal seen, and a checked page draws an image too large to be looked at: the first such page and the image's
   *  size (a seal may be in it: the answer asks for a smaller scan, not for a seal); else null. */
  tooLargeImage: TooLargeImage | null;
  /** The PDF has more pages than were checked. */
  truncated: boolean;
}

export interface TooLargeImage extends ImageSize { page: number }

export interface SealCheckOptions {
  maxPages?: number;
  raster?: RasterOptions;
}

export async function findSeals(
  document: PDFDocumentProxy, file: string, options: SealCheckOptions = {},
): Promise<SealCheck> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const pagesChecked = Math.min(document.numPages, maxPages);
  const stamps: StampFinding[] = [];
  const greyPages: number[] = [];
  for (let page = 1; page <= pagesChecked; page++) {
    const { raster, seals, colourless } = await checkPage(document, page, options.raster ?? DEFAULT_RASTER);
    if (colourless) greyPages.push(page);
    for (const seal of seals) {
      const box = seal.box.map((v) => Math.round((v / raster.pxPerPt) * 10) / 10) as StampFinding['box'];
      stamps.push({ file, page, box, score: seal.score });
    }
  }
  const scans = stamps.length === 0 ? await scannedPages(document, pagesChecked) : { pages: [], sharpness: null };
  const poorScan = scans.sharpness && isPoorScan(scans.sharpness) ? scans.sharpness : null;
  // Heavy compression can take a colour scan's tint away with its seal's red: grey pixels there prove no grey-scale scan.
  const greyscaleOnly = !poorScan && scans.pages.some((page) => greyPages.includes(page));
  const tooLargeImage = stamps.length === 0 ? await firstTooLargeImage(document, pagesChecked) : null;
  return {
    stamps, pagesChecked, greyscaleOnly, poorScan, tooLargeImage,
    truncated: document.numPages > pagesChecked,
  };
}

/** Which of the first pages are scans, and how coarse and compressed their JPEGs are (null if none is a JPEG). */
async function scannedPages(document: PDFDocumentProxy, pages: number): Promise<{ pages: number[]; sharpness: ScanSharpness | null }> {
  const scanned: number[] = [];
  const sharpness: ScanSharpness[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = await document.getPage(n);
    if (await isScannedPage(document, page)) {
      scanned.push(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const seen = sharpnessOf((await scanImagesOf(document, page)) ?? [], pageToPaper(width, height));
      if (seen) sharpness.push(seen);
    }
    page.cleanup();
  }
  return { pages: scanned, sharpness: coarsest(sharpness) };
}

/** The first of these pages drawing an image pdf.js left out for its size; a page of JPEGs alone is drawn from them
 *  (draw-scan.ts), to a larger bound, and left out only when scanImagesOf gives it up. */
async function firstTooLargeImage(document: PDFDocumentProxy, pages: number): Promise<TooLargeImage | null> {
  for (let n = 1; n <= pages; n++) {
    const page = await document.getPage(n);
    const image = page.ref && !(await scanImagesOf(document, page)) ? oversizedImage(await objectsOf(document), page.ref, MAX_IMAGE_PIXELS) : null;
    page.cleanup();
    if (image) return { page: n, ...image };
  }
  return null;
}
