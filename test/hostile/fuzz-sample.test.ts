// A sample of the seeded mutation fuzzer (bench/fuzz-pipeline.ts runs a thousand): damaged .eml, .docx, .doc and
// PDF fixtures, each decided as the bot decides (in a child process), must each end in a verdict that keeps the contract.
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../bench/fuzz-pool.ts';

const SAMPLE = { seed: 20220704, count: 40, workers: 2, timeLimitMs: 30_000, hardLimitMs: 180_000, heapMb: 1536, rssCapMb: 2048 };

describe('the fuzzer sample', () => {
  it(`every one of ${SAMPLE.count} mutated emails (seed ${SAMPLE.seed}) ends in a verdict: no throw, crash, hang, OOM or contract break`, async () => {
    const run = await runFuzz(SAMPLE);
    const failures = run.outcomes.filter((o) => o.kind !== 'verdict' || o.problems!.length)
      .map((o) => `#${o.index} ${o.kind} [${o.label}] ${o.detail ?? o.problems!.join('; ')}`);
    expect(failures).toEqual([]);
    // None of these small cases should need the pipeline thread's bounds: a thread that died would show up here.
    expect(run.outcomes.filter((o) => o.stops?.length).map((o) => `#${o.index} ${o.stops!.join('; ')}`)).toEqual([]);
    expect(run.outcomes.map((o) => o.index)).toEqual(Array.from({ length: SAMPLE.count }, (_, i) => i));
    expect(new Set(run.outcomes.map((o) => o.decision))).toEqual(new Set(['accept', 'reject', 'ignore']));
  }, 900_000);
});
