// The pipeline threads alone, without mail or Redis: N threads deciding the answered fixture emails in turn; wall and
// CPU time per email, CPU by thread, peak RSS. For weighing a thread setting (count, PIPELINE_HEAP_MB) by itself.
// The threads run the build in dist/, as `npm start` does, under the same V8 flags:
// Run: npm run build && node --single-threaded --max-semi-space-size=4 --import tsx bench/pipeline-threads.ts [threads=2] [emails=100]
// (PIPELINE_HEAP_MB=2048 ... to compare a setting)
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { DEFAULT_CAMPAIGN_FILE } from '../src/rules/load-campaign.ts';
import { PIPELINE_HEAP_MB } from '../src/limits.ts';
import { assertBuildCurrent } from '../test/service/build-current.ts';
import { ANSWERED_FIXTURES, sampleProcess } from './service-kit.ts';

const threads = Number(process.argv[2] ?? 2);
const count = Number(process.argv[3] ?? 100);
const heapMb = Number(process.env.PIPELINE_HEAP_MB ?? PIPELINE_HEAP_MB);
assertBuildCurrent();
const { PipelinePool } = await import('../dist/src/pipeline/thread/pipeline-pool.js' as string) as typeof import('../src/pipeline/thread/pipeline-pool.ts');
const raws = ANSWERED_FIXTURES.map((file) => readFileSync(file));
const pool = new PipelinePool(threads, 120_000, heapMb);
const decide = (i: number) => pool.decide({ raw: raws[i % raws.length], receivedAt: new Date().toISOString(), campaignFile: DEFAULT_CAMPAIGN_FILE, ownAddresses: ['bot@city.example'] });

/** `n` emails through the pool, each thread taking the next as it is free. */
async function run(n: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: threads }, async () => { while (next < n) await decide(next++); }));
}

// Warm-up, not counted: each thread loads its libraries on its first email.
await run(threads * 2);
const sampler = sampleProcess(process.pid, 100);
const cpuBefore = sampler.cpuSeconds();
const started = performance.now();
await run(count);
const wallMs = performance.now() - started;
sampler.stop();
const cpu = sampler.cpuSeconds() - cpuBefore;
const { main, others } = sampler.threadCpu();
console.log(`machine: ${cpus().length} cpus, node ${process.version}; ${threads} threads, PIPELINE_HEAP_MB ${heapMb}, ${count} emails (${raws.length} fixtures in turn)`);
console.log(`wall ${(wallMs / count).toFixed(0)} ms per email; CPU ${((cpu * 1000) / count).toFixed(0)} ms per email; peak RSS ${sampler.peakRssMb().toFixed(0)} MB (warm-up included)`);
console.log(`CPU by thread, warm-up included: main ${main.toFixed(1)} s; others ${others.filter((s) => s >= 0.1).map((s) => s.toFixed(1)).join(', ')} s`);
await pool.close();
