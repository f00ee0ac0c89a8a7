// The cost of `check` per email over a batch, beside the bare cost of the libraries it stands on (mammoth,
// pdf-parse and the seal check) on the same files: how much the pipeline adds on top of them.
// Run: npx tsx bench/check-cost.ts [dir-of-eml] [rounds]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import mammoth from 'mammoth';
import { attachmentKind } from '../src/attachments/classify.ts';
import { readEmail } from '../src/mail/read-email.ts';
import { openPdf } from '../src/pdf/open-pdf.ts';
import { checkEmail } from '../src/pipeline/check-email.ts';
import { loadCampaign } from '../src/rules/load-campaign.ts';
import { findSeals } from '../src/seal/find-seals.ts';

const dir = process.argv[2] ?? 'test/fixtures/eml';
const rounds = Number(process.argv[3] ?? 3);
const campaign = loadCampaign();
const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).map((f) => join(dir, f));
const raws = files.map((f) => readFileSync(f));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (work: () => Promise<unknown>) => { const t = performance.now(); await work(); return performance.now() - t; };

/** The libraries alone: mammoth on each .docx, pdf-parse text + tables and the seal check on each PDF. */
async function bare(raw: Buffer): Promise<void> {
  const email = await readEmail(raw);
  for (const a of email.attachments) {
    const kind = attachmentKind(a);
    if (kind === 'word' && a.content.subarray(0, 2).toString() === 'PK') await mammoth.convertToHtml({ buffer: a.content }).catch(() => undefined);
    if (kind === 'pdf') {
      const pdf = await openPdf(a.content).catch(() => null);
      if (!pdf) continue;
      await pdf.parser.getText().catch(() => undefined);
      await findSeals(pdf.document, a.filename).catch(() => undefined);
      await pdf.close();
    }
  }
}

// One warm-up pass: module loading and JIT are start-up cost, not per-email cost.
for (const raw of raws) await checkEmail(raw, { campaign });
const pipeline: number[] = [];
const libraries: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const raw of raws) {
    pipeline.push(await time(() => checkEmail(raw, { campaign })));
    libraries.push(await time(() => bare(raw)));
  }
}
const p = median(pipeline);
const b = median(libraries);
console.log(`${files.length} emails x ${rounds} rounds from ${dir}`);
console.log(`check per email, median: ${p.toFixed(0)} ms   (p90 ${[...pipeline].sort((x, y) => x - y)[Math.floor(pipeline.length * 0.9)].toFixed(0)} ms)`);
console.log(`bare mammoth + pdf-parse + seal check on the same files, median: ${b.toFixed(0)} ms`);
console.log(`ratio pipeline / bare: ${(p / b).toFixed(2)}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
