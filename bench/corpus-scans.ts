// The corpus's one-page scans drawn again as they may reach the bot in other hands (saved smaller, photographed
// under other light), and the seal check on each: shared by the seal-rescanned and seal-photographed benches.
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

export interface CorpusScans { dir: string; stamped: SealLabel[]; traps: SealLabel[] }

/** Up to `count` stamped and `count` trap scans of one page drawn from one JPEG (annotated and grey-scale scans
 *  are other questions); DIR defaults to .scratch/seal-corpus, made by test/fixtures/make-seal-corpus.ts. */
export function corpusScans(dir: string | undefined, count: number): CorpusScans {
  const root = dir ?? fileURLToPath(new URL('../.scratch/seal-corpus', import.meta.url));
  const labels = JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8')) as SealLabel[];
  const scans = labels.filter((l) => l.form === 'scan' && l.pages === 1 && !l.greyscaleOnly && !l.kind.includes('annotation'));
  return {
    dir: root,
    stamped: scans.filter((l) => l.sealPages.length > 0).slice(0, count),
    traps: scans.filter((l) => l.kind.startsWith('trap-')).slice(0, count),
  };
}

export interface Redraw {
  /** Pixels per inch of the new picture over the page's paper size; by default the scan's own size. */
  dpi?: number;
  quality: number;
  /** Changes the pixels (RGBA) before they are saved. */
  paint?: (data: Uint8ClampedArray, width: number, height: number) => void;
}

/** The page's scan drawn again as `redraw` says and saved as a one-page PDF of one JPEG. */
async function redrawn(dir: string, label: SealLabel, redraw: Redraw): Promise<Uint8Array> {
  const bytes = readFileSync(join(dir, label.file));
  const opened = await openPdf(bytes);
  const page = await opened.document.getPage(1);
  const [width, height] = [page.view[2] - page.view[0], page.view[3] - page.view[1]];
  const [scan] = pageJpegs(new PdfObjects(bytes), page.ref!, 50_000_000) ?? [];
  await opened.close();
  if (!scan) throw new Error(`${label.file}: not a page of one JPEG`);
  const image = await loadImage(scan.bytes);
  const canvas = redraw.dpi === undefined ? createCanvas(image.width, image.height)
    : createCanvas(Math.round((width / 72) * redraw.dpi), Math.round((height / 72) * redraw.dpi));
  const g = canvas.getContext('2d');
  g.imageSmoothingQuality = 'high';
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  if (redraw.paint) {
    const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
    redraw.paint(pixels.data, canvas.width, canvas.height);
    g.putImageData(pixels, 0, 0);
  }
  const doc = await PDFDocument.create();
  doc.addPage([width, height]).drawImage(await doc.embedJpg(await canvas.encode('jpeg', redraw.quality)), { x: 0, y: 0, width, height });
  return doc.save();
}

export async function redrawnSealCheck(dir: string, label: SealLabel, redraw: Redraw): Promise<SealCheck> {
  const opened = await openPdf(await redrawn(dir, label, redraw));
  try {
    return await findSeals(opened.document, label.file);
  } finally {
    await opened.close();
  }
}

/** Stamped scans whose seal was not seen (their checks) and traps where one was (their files). */
export async function misses(scans: CorpusScans, redraw: Redraw): Promise<{ missed: SealCheck[]; falseSeals: string[] }> {
  const missed: SealCheck[] = [], falseSeals: string[] = [];
  for (const label of scans.stamped) {
    const check = await redrawnSealCheck(scans.dir, label, redraw);
    if (check.stamps.length === 0) missed.push(check);
  }
  for (const label of scans.traps) {
    if ((await redrawnSealCheck(scans.dir, label, redraw)).stamps.length > 0) falseSeals.push(label.file);
  }
  return { missed, falseSeals };
}
