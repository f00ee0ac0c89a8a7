// The seal check of one PDF: renders each page (up to a page cap) and looks for official seals on it;
// says when the pages are grey-scale scans, where a seal's red is lost and none can be seen.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { StampFinding } from '../types.ts';
import { MAX_PDF_PAGES } from '../limits.ts';
import { DEFAULT_RASTER, type RasterOptions } from './render-page.ts';
import { checkPage } from './check-page.ts';
import { isScannedPage } from './scanned-page.ts';

export interface SealCheck {
  stamps: StampFinding[];
  pagesChecked: number;
  /** No seal seen, and the pages are grey-scale scans: a seal may be there, but its colour is lost. */
  greyscaleOnly: boolean;
  /** The PDF has more pages than were checked. */
  truncated: boolean;
}

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
  let colourless = true;
  for (let page = 1; page <= pagesChecked; page++) {
    const { raster, seals, colourless: grey } = await checkPage(document, page, options.raster ?? DEFAULT_RASTER);
    colourless &&= grey;
    for (const seal of seals) {
      const box = seal.box.map((v) => Math.round((v / raster.pxPerPt) * 10) / 10) as StampFinding['box'];
      stamps.push({ file, page, box, score: seal.score });
    }
  }
  const greyscaleOnly = stamps.length === 0 && pagesChecked > 0 && colourless && (await anyScannedPage(document, pagesChecked));
  return { stamps, pagesChecked, greyscaleOnly, truncated: document.numPages > pagesChecked };
}

async function anyScannedPage(document: PDFDocumentProxy, pages: number): Promise<boolean> {
  for (let n = 1; n <= pages; n++) {
    const page = await document.getPage(n);
    const scanned = await isScannedPage(document, page);
    page.cleanup();
    if (scanned) return true;
  }
  return false;
}
