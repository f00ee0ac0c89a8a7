// A PDF page's text as boxes in points from the page's top-left (pdf.js's viewport at scale 1, so rotated pages
// read upright).
import type { PDFPageProxy } from 'pdfjs-dist';

/** One run of text the PDF placed on the page. `size` is its font height. */
export interface TextBox { text: string; left: number; right: number; top: number; bottom: number; size: number }
/** Runs further apart than this many text heights are separate words (or cells), not one run the PDF split. */
export const WORD_GAP = 0.25;
type TextItem = { str: string; transform: number[]; width: number; height: number };

export async function readTextBoxes(page: PDFPageProxy): Promise<TextBox[]> {
  const view = page.getViewport({ scale: 1 }).transform;
  const content = await page.getTextContent();
  return content.items.flatMap((item) => ('str' in item && item.str.trim() ? [toBox(item, view)] : []));
}

/** The item's baseline run (width along its direction, height across it) mapped to an upright page box. */
function toBox(item: TextItem, view: number[]): TextBox {
  const [a, b, c, d, e, f] = item.transform;
  const along = Math.hypot(a, b) || 1, across = Math.hypot(c, d) || 1;
  const ux = a / along, uy = b / along, vx = c / across, vy = d / across;
  const height = item.height || across;
  const corners = [[e, f], [e + item.width * ux, f + item.width * uy], [e + height * vx, f + height * vy],
    [e + item.width * ux + height * vx, f + item.width * uy + height * vy]]
    .map(([x, y]) => [view[0] * x + view[2] * y + view[4], view[1] * x + view[3] * y + view[5]]);
  const xs = corners.map((p) => p[0]), ys = corners.map((p) => p[1]);
  return {
    text: item.str,
    left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys),
    size: height,
  };
}
