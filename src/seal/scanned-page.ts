// Tells a scanned page (one picture covering most of the page) from a page drawn as text and lines: from the page's
// own JPEGs when it is nothing else, else by following the drawing operators' transforms to the images they paint.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { OPS } from '../pdf/pdfjs.ts';
import { scanImagesOf } from './draw-scan.ts';
import { multiply, type Matrix } from './page-scan-images.ts';

/** Operators that paint one picture into the unit square; a black-and-white scan may be a 1-bit stencil mask. */
const PICTURES = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
/** Share of the page an image must cover to make it a scan. */
const SCAN_COVER = 0.5;

export async function isScannedPage(document: PDFDocumentProxy, page: PDFPageProxy): Promise<boolean> {
  const [x0, y0, x1, y1] = page.view;
  // An image fills the unit square of its transform, so the transform's determinant is the area it covers.
  const covers = (m: Matrix) => Math.abs(m[0] * m[3] - m[1] * m[2]) >= SCAN_COVER * Math.abs((x1 - x0) * (y1 - y0));
  const images = await scanImagesOf(document, page);
  if (images) return images.some((image) => covers(image.matrix));
  const ops = await page.getOperatorList();
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (PICTURES.has(fn) && covers(ctm)) return true;
  }
  return false;
}
