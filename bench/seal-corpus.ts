// Runs the seal check over the full labelled corpus and prints misses, false seals, time per page and peak memory.
// A stamped page missed in a scan the check calls too coarse or compressed is counted apart: its answer asks for a
// better scan, not for a seal.
// `tsx bench/seal-corpus.ts [DIR]` (DIR defaults to .scratch/seal-corpus; make it with test/fixtures/make-seal-corpus.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../src/pdf/open-pdf.ts';
import { findSeals } from '../src/seal/find-seals.ts';
import type { SealLabel } from '../test/fixtures/make-seal-corpus.ts';

const dir = process.argv[2] ?? fileURLToPath(new URL('../.scratch/seal-corpus', import.meta.url));
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as SealLabel[];
const msPerPage: number[] = [];
const missed: string[] = [];
const askedForBetterScan: string[] = [];
const falseSeals: string[] = [];
const greyWrong: string[] = [];
let sealPages = 0;
let cleanPages = 0;

for (const label of labels) {
  const opened = await openPdf(readFileSync(join(dir, label.file)));
  const started = performance.now();
  const check = await findSeals(opened.document, label.file);
  msPerPage.push(...Array(check.pagesChecked).fill((performance.now() - started) / check.pagesChecked));
  await opened.close();
  const found = new Set(check.stamps.map((s) => s.page));
  for (let page = 1; page <= label.pages; page++) {
    const expected = label.sealPages.includes(page);
    if (expected) sealPages++;
    else cleanPages++;
    if (expected && !found.has(page)) (check.poorScan === null ? missed : askedForBetterScan).push(`${label.file} p${page}`);
    if (!expected && found.has(page)) falseSeals.push(`${label.file} p${page} ${JSON.stringify(check.stamps.filter((s) => s.page === page).map((s) => s.box))}`);
  }
  if (check.greyscaleOnly !== label.greyscaleOnly) greyWrong.push(`${label.file} greyscaleOnly=${check.greyscaleOnly}`);
}

msPerPage.sort((a, b) => a - b);
const median = msPerPage[Math.floor(msPerPage.length / 2)];
const p95 = msPerPage[Math.floor(msPerPage.length * 0.95)];
console.log(`PDFs ${labels.length}, pages ${msPerPage.length}: ${sealPages} with a seal, ${cleanPages} without`);
console.log(`stamped pages not seen: ${missed.length + askedForBetterScan.length}`);
console.log(`  answered as unstamped: ${missed.length}${missed.length ? `\n    ${missed.join('\n    ')}` : ''}`);
console.log(`  answered as scans too unclear to show a seal (a better scan asked for): ${askedForBetterScan.length}${askedForBetterScan.length ? `\n    ${askedForBetterScan.join('\n    ')}` : ''}`);
console.log(`false seals: ${falseSeals.length} (${((100 * falseSeals.length) / Math.max(1, cleanPages)).toFixed(1)}% of pages without a seal)${falseSeals.length ? `\n  ${falseSeals.join('\n  ')}` : ''}`);
console.log(`greyscaleOnly wrong: ${greyWrong.length}${greyWrong.length ? `\n  ${greyWrong.join('\n  ')}` : ''}`);
console.log(`ms per page: median ${median.toFixed(1)}, p95 ${p95.toFixed(1)}, max ${msPerPage[msPerPage.length - 1].toFixed(1)}`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
