// How the offline pipeline's cost grows with the batch: `check` over the fixture emails repeated, in one process,
// with time per email (wall and CPU) and memory read at 30, 300 and 3,000 emails: linear, or a leak shows here.
// Run: npx tsx bench/pipeline-growth.ts [dir-of-eml] [checkpoints, e.g. 30,300,3000]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkEmail } from '../src/pipeline/check-email.ts';
import { loadCampaign } from '../src/rules/load-campaign.ts';

const dir = process.argv[2] ?? 'test/fixtures/eml';
const checkpoints = (process.argv[3] ?? '30,300,3000').split(',').map(Number);
const campaign = loadCampaign();
const raws = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => readFileSync(join(dir, f)));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

// One warm-up pass: module loading and JIT are start-up cost, not per-email cost.
for (const raw of raws) await checkEmail(raw, { campaign });
console.log(`${raws.length} distinct emails from ${dir}, repeated in order; after warm-up RSS ${mb(process.memoryUsage().rss)} MB`);
console.log('emails | this segment: wall ms/email, cpu ms/email | RSS MB, heap used MB, peak RSS MB');

let done = 0;
for (const checkpoint of checkpoints) {
  const segment = checkpoint - done;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  for (; done < checkpoint; done++) await checkEmail(raws[done % raws.length], { campaign });
  const cpu = process.cpuUsage(cpuStart);
  const wallPer = (performance.now() - wallStart) / segment;
  // CPU time too: on a shared machine the wall time also counts other processes' turns.
  const cpuPer = (cpu.user + cpu.system) / 1000 / segment;
  const memory = process.memoryUsage();
  console.log(`${String(checkpoint).padStart(6)} | ${wallPer.toFixed(0).padStart(6)} ${cpuPer.toFixed(0).padStart(6)} | `
    + `${mb(memory.rss)} ${mb(memory.heapUsed)} ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
