// What a soft mask costs the seal check: one page of N small drawings (text blocks, then filled squares) drawn under
// one luminosity soft mask, beside the same page with no mask. pdf.js draws the mask again after each drawing made
// under it, so this is the cost's worst shape. `tsx bench/seal-soft-mask.ts [N=2000]`
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openPdf } from '../src/pdf/open-pdf.ts';
import { findSeals } from '../src/seal/find-seals.ts';
import { appendContent } from '../test/pdf/page-content.ts';
import { softMaskState } from '../test/pdf/soft-mask.ts';

const count = Number(process.argv[2] ?? 2000);

async function page(masked: boolean, drawing: (i: number) => string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([842, 595]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const mask = softMaskState(doc, page, { subtype: 'Luminosity', groupOps: '0 g 0 0 842 595 re f 1 g 100 100 400 300 re f' });
  const ops = Array.from({ length: count }, (_, i) => drawing(i)).join('\n');
  appendContent(doc, page, `q ${masked ? '/SM gs ' : ''}0.8 0.1 0.1 rg\n${ops}\nQ`, { ExtGState: { SM: mask }, Font: { F1: font.ref } });
  return doc.save();
}

async function secondsToCheck(pdf: Uint8Array): Promise<number> {
  const opened = await openPdf(pdf);
  try {
    const started = performance.now();
    await findSeals(opened.document, 'bench.pdf');
    return (performance.now() - started) / 1000;
  } finally {
    await opened.close();
  }
}

const at = (i: number) => `${40 + (i % 20) * 38} ${40 + (Math.floor(i / 20) % 50) * 10}`;
const drawings: Record<string, (i: number) => string> = {
  'text blocks': (i) => `BT /F1 8 Tf ${at(i)} Td (Ab${i}) Tj ET`,
  'filled squares': (i) => `${at(i)} 3 3 re f`,
};
await secondsToCheck(await page(false, drawings['filled squares'])); // pdf.js and the canvas loaded
for (const [name, drawing] of Object.entries(drawings)) {
  const plain = await secondsToCheck(await page(false, drawing));
  const masked = await secondsToCheck(await page(true, drawing));
  console.log(`${count} ${name}: ${masked.toFixed(2)} s under one soft mask, ${plain.toFixed(2)} s without`);
}
