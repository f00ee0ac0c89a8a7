// A PDF with an embedded CFF font damaged so that pdf.js would take gigabytes or minutes over it (fuzz #118, seed 7
// #189 in BENCHMARKS.md) is refused before pdf.js opens it. The pipeline thread's heap cap and file time limit would
// end it anyway, but only after seconds and gigabytes; they stay for what this does not see.
import { cffCost, type CffCost } from './cff-cost.ts';
import { PdfObjects } from './pdf-objects.ts';

/** A CFF font program's stream (FontFile3): what pdf.js reads through its CFF parser and compiler. */
const CFF_FONT_FILE = /\/Subtype\s*\/(?:Type1C|CIDFontType0C)\b/;

/** How much of pdf.js's reading one font may cost before its file is refused. `indexBytes` (above twice the
 *  font's length too): pdf.js holds each as an array element several times over, and a sound font's come to less
 *  than its length. `work`: a CJK font with every glyph has some 100,000 INDEX entries. */
const MAX_COST: CffCost = { indexBytes: 16 << 20, work: 4_000_000 };

/** True when an embedded CFF font of the PDF is damaged past what pdf.js reads at a bounded cost. */
export function hasFontBomb(pdf: Uint8Array): boolean {
  // Scans and Word exports (TrueType fonts) have none: a byte search is all they cost.
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (bytes.indexOf('Type1C') < 0 && bytes.indexOf('CIDFontType0C') < 0) return false;
  const objects = new PdfObjects(pdf);
  for (const { object } of objects.plainStreams(CFF_FONT_FILE)) {
    const font = objects.decoded(object);
    if (!font) continue;
    const limits = { ...MAX_COST, indexBytes: Math.max(MAX_COST.indexBytes, 2 * font.length) };
    const cost = cffCost(font, limits);
    if (cost.indexBytes > limits.indexBytes || cost.work > limits.work) return true;
  }
  return false;
}
