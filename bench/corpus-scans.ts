// The corpus's one-page scans drawn again as they may reach the bot in other hands (saved smaller, photographed
// under other light), and the seal check on each: shared by the seal-rescanned and seal-photographed benches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../src/pdf/open-pdf.ts';
import { findSeals, type SealCheck } from '../src/seal/find-seals.ts';
import type { SealLabel } from '../test/fixtures/make-seal-corpus.ts';
import { redrawnScan, type Redraw } from '../test/seal/corpus/redraw-scan.ts';

export type { Redraw };

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

export async function redrawnSealCheck(dir: string, label: SealLabel, redraw: Redraw): Promise<SealCheck> {
  const opened = await openPdf(await redrawnScan(readFileSync(join(dir, label.file)), redraw));
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
