// A searchable scan's OCR layer: the recognised words as invisible text (render mode 3) over the page's picture, as
// Tesseract (OCRmyPDF), ScanSnap and Adobe Scan write it: per line a text matrix, horizontal scaling to fit the
// line's width, hex-coded glyphs; some wrap each line in marked content.
import { StandardFonts, type PDFDocument, type PDFPage } from 'pdf-lib';
import { appendContent } from '../../pdf/page-content.ts';
import type { Rng } from './prng.ts';

export async function addOcrLayer(doc: PDFDocument, page: PDFPage, rng: Rng): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const tagged = rng.chance(0.5);
  const lines: string[] = [];
  for (let y = page.getHeight() - 50, n = 0; y > 40; y -= rng.range(14, 26), n++) {
    const words = Array.from({ length: rng.int(2, 8) }, () => Buffer.from(`w${rng.int(1, 99999)}`).toString('hex'));
    const line = `BT 3 Tr /Focr ${rng.range(7, 12).toFixed(1)} Tf ${rng.range(80, 120).toFixed(1)} Tz 1 0 0 1 ${rng.range(30, 90).toFixed(1)} ${y.toFixed(1)} Tm [<${words.join('> -250 <')}>] TJ ET`;
    lines.push(tagged ? `/Span <</MCID ${n}>> BDC ${line} EMC` : line);
  }
  appendContent(doc, page, lines.join('\n'), { Font: { Focr: font.ref } });
}
