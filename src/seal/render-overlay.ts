// Lets a person see what the seal check saw: each page as a PNG with every seal found outlined in blue.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { MAX_PDF_PAGES } from '../limits.ts';
import { DEFAULT_RASTER, renderPage, type RasterOptions } from './render-page.ts';
import { checkPage } from './check-page.ts';

/** Writes page-001.png ... into outDir and returns their paths. */
export async function renderSealOverlay(
  document: PDFDocumentProxy, outDir: string, raster: RasterOptions = DEFAULT_RASTER,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (let page = 1; page <= Math.min(document.numPages, MAX_PDF_PAGES); page++) {
    const { raster: checked, seals } = await checkPage(document, page, raster);
    // The check's own render leaves black text out; the person sees the whole page at the same size, or the
    // check's render when the page's text cannot be drawn.
    const pageRaster = await renderPage(document, page, { ...raster, skipNeutralText: false }).catch(() => checked);
    const context = pageRaster.context;
    // Blue, so the outline stands out from red ink and is never mistaken for it.
    context.strokeStyle = 'rgb(0, 90, 255)';
    context.lineWidth = 2;
    context.fillStyle = 'rgb(0, 90, 255)';
    context.font = '12px sans-serif';
    for (const seal of seals) {
      const { cx, cy, a, b, angle } = seal.ellipse;
      context.beginPath();
      context.ellipse(cx, cy, a, b, angle, 0, 2 * Math.PI);
      context.stroke();
      context.strokeRect(...seal.box);
      context.fillText(`seal ${seal.score.toFixed(2)}`, seal.box[0] + 2, Math.max(12, seal.box[1] - 3));
    }
    const path = join(outDir, `page-${String(page).padStart(3, '0')}.png`);
    await writeFile(path, await pageRaster.canvas.encode('png'));
    written.push(path);
  }
  return written;
}
