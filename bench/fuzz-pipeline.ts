// The seeded mutation fuzzer over the project's .eml, .docx, .doc and PDF fixtures: every case must end in a
// verdict, in a child process under a time limit and a memory cap. Prints the counts; exits 1 if any case failed.
// Run: npx tsx bench/fuzz-pipeline.ts [--seed 1] [--count 1000] [--workers 2] [--time-limit 30] [--hard-limit 180]
//      [--heap 1536] [--rss-cap 2048]   (a verdict after --time-limit s is slow; none by --hard-limit s is a hang;
//      --heap caps each child's pipeline thread, which gives up on an email at 120 s as the bot's does)
//      [--first N]   (with --count 1, rebuilds and reruns case N alone)
import { parseArgs } from 'node:util';
import { runFuzz, type CaseOutcome, type FuzzRun } from './fuzz-pool.ts';

const { values } = parseArgs({ options: {
  seed: { type: 'string', default: '1' }, count: { type: 'string', default: '1000' }, first: { type: 'string', default: '0' },
  workers: { type: 'string', default: '2' }, 'time-limit': { type: 'string', default: '30' }, 'hard-limit': { type: 'string', default: '180' },
  heap: { type: 'string', default: '1536' }, 'rss-cap': { type: 'string', default: '2048' }, verbose: { type: 'boolean', default: false },
} });

const options = {
  seed: Number(values.seed), count: Number(values.count), first: Number(values.first), workers: Number(values.workers),
  timeLimitMs: Number(values['time-limit']) * 1000, hardLimitMs: Number(values['hard-limit']) * 1000, heapMb: Number(values.heap), rssCapMb: Number(values['rss-cap']),
};

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};
const tally = (keys: string[]) => Object.fromEntries([...new Set(keys)].sort().map((k) => [k, keys.filter((x) => x === k).length]));

function report(run: FuzzRun): void {
  const { outcomes } = run;
  const kinds = (kind: CaseOutcome['kind']) => outcomes.filter((o) => o.kind === kind);
  const verdicts = kinds('verdict');
  const times = verdicts.map((o) => o.ms!);
  const contract = verdicts.filter((o) => o.problems!.length);
  const slow = verdicts.filter((o) => o.ms! > options.timeLimitMs);
  const fromHeader = verdicts.filter((o) => o.fromHeaderBecause);
  const stopped = verdicts.filter((o) => o.stops!.length && !o.fromHeaderBecause);
  console.log(`fuzz-pipeline seed ${options.seed}, cases ${options.first}..${options.first + options.count - 1}, ${options.workers} workers, `
    + `slow after ${options.timeLimitMs / 1000} s, hang after ${options.hardLimitMs / 1000} s, heap ${options.heapMb} MB, rss cap ${options.rssCapMb} MB`);
  console.log(`cases            ${outcomes.length}`);
  console.log(`verdicts         ${verdicts.length}  ${JSON.stringify(tally(verdicts.map((o) => o.decision!)))}`);
  console.log(`contract breaks  ${contract.length}`);
  console.log(`threw            ${kinds('threw').length}`);
  console.log(`crashes          ${kinds('crash').length}`);
  console.log(`files stopped    ${stopped.length}  (a file past its time limit or the heap cap, named unreadable; the rest decided)`);
  console.log(`from header      ${fromHeader.length}  (the pipeline thread gave up on the email, or over the size cap)`);
  console.log(`slow (> ${options.timeLimitMs / 1000} s)    ${slow.length}`);
  console.log(`hangs            ${kinds('hang').length}`);
  console.log(`OOMs             ${kinds('oom').length}`);
  console.log(`generator errors ${kinds('generator-error').length}`);
  console.log(`time per case    median ${quantile(times, 0.5).toFixed(0)} ms, p99 ${quantile(times, 0.99).toFixed(0)} ms, max ${quantile(times, 1).toFixed(0)} ms`);
  console.log(`peak RSS         ${run.peakRssMb} MB (largest child)`);
  console.log(`wall time        ${(run.wallMs / 1000).toFixed(0)} s`);
  console.log(`codes seen       ${JSON.stringify(tally(verdicts.flatMap((o) => [...new Set(o.codes)])))}`);
  for (const o of new Set([...outcomes.filter((x) => x.kind !== 'verdict'), ...contract, ...stopped, ...fromHeader, ...slow])) {
    console.log(`\n#${o.index} ${o.kind} [${o.label}] ${(o.bytes / 1e6).toFixed(2)} MB${o.ms ? `, ${(o.ms / 1000).toFixed(0)} s` : ''}`);
    const why = o.detail ?? (o.problems!.join('; ') || (o.fromHeaderBecause ? `from header: ${o.fromHeaderBecause}` : '')
      || (o.stops!.length ? `stopped: ${o.stops!.join('; ')}` : 'slow'));
    console.log(`  ${why.split('\n').slice(0, 12).join('\n  ')}`);
  }
}

const run = await runFuzz(options, (o) => {
  if (values.verbose || o.kind !== 'verdict') {
    console.error(`#${o.index} ${o.kind} ${o.decision ?? ''} ${o.ms?.toFixed(0) ?? '-'} ms [${o.label}]`);
  }
});
report(run);
// Slow verdicts are reported, not failed: the service gives each email up to the hard limit.
process.exitCode = run.outcomes.every((o) => o.kind === 'verdict' && !o.problems!.length) ? 0 : 1;
