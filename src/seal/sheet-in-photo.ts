// How big the sheet of paper is in a page that is a photo of it lying on a desk: phone photos made into a PDF page
// without cropping show the sheet smaller than the page (the desk around it), and so its seal smaller than on paper.
import { luma, PAPER_BRIGHTNESS, type Rgb } from './ink-colour.ts';
import { mmPerPixel } from './judge-ring.ts';

/** A row (column) crosses the sheet where this share of it is sheet-bright (text and table rules darken some). */
const SHEET_ROW = 0.3;
/** Dark lines across the sheet (a table's rules) break its run of rows by a pixel or two; a desk's edge is wider. */
const MAX_BREAK = 0.015;
/** The sheet's long over short side: A-series paper is 1.41, Letter 1.29 (a photo turned by a few degrees adds a
 *  little to its box). */
const SHEET_ASPECT: [number, number] = [1.25, 1.6];
const PAPER_SHORT_MM = 210;
/** Only a sheet clearly smaller than its page is measured so; a scanner's dark border of a few millimetres is not a desk. */
const MAX_SHARE = 0.92;
const MIN_SHARE = 0.45;

/** The size of the sheet on the page over the size it has on paper, taken as A4: 1 where the page is all paper. */
export function sheetShare(data: Uint8ClampedArray, width: number, height: number, pxPerPt: number, paper: Rgb): number {
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / 250_000)));
  // A pixel is the sheet's where it is nearly as bright as the paper.
  const bar = PAPER_BRIGHTNESS * luma(...paper);
  const rows = new Uint32Array(height), columns = new Uint32Array(width);
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const i = (y * width + x) * 4;
      if (luma(data[i], data[i + 1], data[i + 2]) >= bar) { rows[y]++; columns[x]++; }
    }
  }
  const tall = longestRun(rows, step, Math.ceil(width / step)), wide = longestRun(columns, step, Math.ceil(height / step));
  // A page that is all sheet (an A5 or B5 page, a scan cropped to the paper) is measured as it is.
  if (tall >= MAX_SHARE * height && wide >= MAX_SHARE * width) return 1;
  const [short, long] = tall < wide ? [tall, wide] : [wide, tall];
  if (short === 0 || long / short < SHEET_ASPECT[0] || long / short > SHEET_ASPECT[1]) return 1;
  const share = (short * mmPerPixel(pxPerPt)) / PAPER_SHORT_MM;
  return share > MAX_SHARE || share < MIN_SHARE ? 1 : share;
}

/** The longest stretch of lines (rows or columns, sampled every `step`) crossing the sheet, in pixels. */
function longestRun(counts: Uint32Array, step: number, samples: number): number {
  const maxBreak = Math.max(step, Math.round(MAX_BREAK * counts.length));
  let best = 0, start = -1, lastSheet = -1;
  for (let v = 0; v < counts.length; v += step) {
    if (counts[v] < SHEET_ROW * samples) continue;
    if (start < 0 || v - lastSheet > maxBreak) start = v;
    lastSheet = v;
    best = Math.max(best, v - start + step);
  }
  return best;
}
