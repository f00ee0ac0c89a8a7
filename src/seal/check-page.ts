// One page's seal check: render it within the pixel budget, then look for seal rings and for any colour at all (a page
// drawn only in grey has neither, and its pixels are not read).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { renderPage, type PageRaster, type RasterOptions } from './render-page.ts';
import { sealsSeen, type PageSeal } from './seals-on-page.ts';
import { isColourless } from './ink-colour.ts';

export interface PageCheck { raster: PageRaster; seals: PageSeal[]; colourless: boolean }

export async function checkPage(document: PDFDocumentProxy, pageNumber: number, options: RasterOptions): Promise<PageCheck> {
  const raster = await renderPage(document, pageNumber, options);
  if (raster.neutralOnly) return { raster, seals: [], colourless: true };
  const { data, width, height } = raster.context.getImageData(0, 0, raster.width, raster.height);
  const seals = sealsSeen(data, width, height, raster.pxPerPaperPt, raster.poorScan);
  return { raster, seals, colourless: isColourless(data, width, height) };
}
