// The seal check on the corpus's scans saved again at a lower resolution and JPEG quality, as mail size limits and
// "small PDF" settings leave them: stamped pages found (and of those missed, how many were answered as scans too
// coarse or compressed, which asks for a better scan) and false seals on the traps, per setting.
// `tsx bench/seal-rescanned.ts [DIR] [--count N] [--settings 60x40,50x85,...]` (DPI x JPEG quality; DIR as seal-corpus.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { openPdf } from '../src/pdf/open-pdf.ts';
import { findSeals, type SealCheck } from '../src/seal/find-seals.ts';
import { PdfObjects } from '../src/seal/pdf-objects.ts';
import { pageJpegs } from '../src/seal/page-jpegs.ts';
import type { SealLabel } from '../test/fixtures/make-seal-corpus.ts';

const args = process.argv.slice(2);
const option = (name: string) => { const at = args.indexOf(name); return at >= 0 ? args[at + 1] : undefined; };
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))
  ?? fileURLToPath(new URL('../.scratch/seal-corpus', import.meta.url));
const count = Number(option('--count') ?? 30);
const settings = (option('--settings') ?? '100x20,100x5,60x85,60x40,60x20,50x85,50x40,40x85').split(',').map((s) => s.split('x').map(Number));
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as SealLabel[];
// One-page scans drawn from one JPEG (annotated scans and grey-scale ones are other questions).
const scans = labels.filter((l) => l.form === 'scan' && l.pages === 1 && !l.greyscaleOnly && !l.kind.includes('annotation'));
const stamped = scans.filter((l) => l.sealPages.length > 0).slice(0, count);
const traps = scans.filter((l) => l.kind.startsWith('trap-')).slice(0, count);

/** The page's scan, drawn again at dpi over its paper size and saved as JPEG at this quality. */
async function rescanned(label: SealLabel, dpi: number, quality: number): Promise<Uint8Array> {
  const bytes = readFileSync(join(dir, label.file));
  const opened = await openPdf(bytes);
  const page = await opened.document.getPage(1);
  const [width, height] = [page.view[2] - page.view[0], page.view[3] - page.view[1]];
  const [scan] = pageJpegs(new PdfObjects(bytes), page.ref!, 50_000_000) ?? [];
  await opened.close();
  if (!scan) throw new Error(`${label.file}: not a page of one JPEG`);
  const canvas = createCanvas(Math.round((width / 72) * dpi), Math.round((height / 72) * dpi));
  const g = canvas.getContext('2d');
  g.imageSmoothingQuality = 'high';
  g.drawImage(await loadImage(scan.bytes), 0, 0, canvas.width, canvas.height);
  const doc = await PDFDocument.create();
  doc.addPage([width, height]).drawImage(await doc.embedJpg(await canvas.encode('jpeg', quality)), { x: 0, y: 0, width, height });
  return doc.save();
}

async function sealCheck(label: SealLabel, dpi: number, quality: number): Promise<SealCheck> {
  const opened = await openPdf(await rescanned(label, dpi, quality));
  const check = await findSeals(opened.document, label.file);
  await opened.close();
  return check;
}

console.log(`${stamped.length} stamped scans, ${traps.length} trap scans from ${dir}`);
console.log('dpi  quality  stamped found  missed, asked for a better scan  false seals on traps');
for (const [dpi, quality] of settings) {
  const missed: SealCheck[] = [], falseSeals: string[] = [];
  for (const label of stamped) {
    const check = await sealCheck(label, dpi, quality);
    if (check.stamps.length === 0) missed.push(check);
  }
  for (const label of traps) if ((await sealCheck(label, dpi, quality)).stamps.length > 0) falseSeals.push(label.file);
  const asked = missed.filter((check) => check.poorScan !== null).length;
  console.log(`${String(dpi).padStart(3)}  ${String(quality).padStart(7)}  ${`${stamped.length - missed.length}/${stamped.length}`.padStart(13)}`
    + `  ${`${asked}/${missed.length}`.padStart(31)}  ${`${falseSeals.length}/${traps.length}`.padStart(20)}`
    + `${falseSeals.length ? `  (${falseSeals.join(', ')})` : ''}`);
}
