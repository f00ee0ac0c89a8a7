// A fuzz worker process: builds each case it is sent, has the bot decide it as `check` and the service do (the
// pipeline in a thread under the bot's time limits and the given heap cap) and answers with what came out.
// Run by fuzz-pool.ts (argv: the run seed, the thread's heap in MB); a case that escapes those bounds takes only
// this process down.
import { performance } from 'node:perf_hooks';
import { EMAIL_TIME_LIMIT_MS } from '../src/limits.ts';
import { decideBounded } from '../src/pipeline/decide-bounded.ts';
import { PipelineRunner } from '../src/pipeline/thread/pipeline-runner.ts';
import { loadCampaign } from '../src/rules/load-campaign.ts';
import type { Verdict } from '../src/types.ts';
import { makeCase } from './fuzz-case.ts';
import { loadSeedCorpus } from './fuzz-seeds.ts';

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'case'; index: number; label: string; bytes: number }
  | { type: 'verdict'; index: number; decision: string; codes: string[]; problems: string[];
      stops: string[]; fromHeaderBecause: string | null; ms: number; maxRssMb: number }
  | { type: 'threw'; index: number; error: string; maxRssMb: number }
  | { type: 'generator-error'; index: number; error: string };

const CJK = /[\u4e00-\u9fff]/;

/** What in a verdict breaks the contract (docs: /work/shared/spec/verdict.md); empty when it holds. */
function verdictProblems(v: Verdict): string[] {
  const problems: string[] = [];
  if (!['accept', 'reject', 'ignore'].includes(v.decision)) problems.push(`decision ${String(v.decision)}`);
  if ((v.decision === 'reject') !== v.errors.length > 0) problems.push('reject without errors, or errors without reject');
  if (v.decision === 'ignore' && v.reply !== null) problems.push('an ignored email has a reply');
  for (const f of [...v.errors, ...v.warnings]) if (!CJK.test(f.message)) problems.push(`${f.code} without a Chinese message`);
  if (v.reply && /[\r\n]/.test(v.reply.subject)) problems.push('reply subject holds a line break');
  if (Number.isNaN(Date.parse(v.receivedAt))) problems.push(`receivedAt ${v.receivedAt}`);
  return problems;
}

const send = (message: ChildMessage) => process.send!(message);
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (process.send) {
  const seed = Number(process.argv[2]);
  const corpus = loadSeedCorpus();
  const campaign = loadCampaign();
  const pipeline = new PipelineRunner(EMAIL_TIME_LIMIT_MS, Number(process.argv[3]));
  process.on('message', async ({ index }: { index: number }) => {
    let eml: Buffer;
    try {
      const made = makeCase(corpus, seed, index);
      eml = made.eml;
      send({ type: 'case', index, label: made.label, bytes: eml.length });
    } catch (err) {
      send({ type: 'generator-error', index, error: err instanceof Error ? err.stack ?? err.message : String(err) });
      return;
    }
    const started = performance.now();
    try {
      const { verdict, stops, fromHeaderBecause } = await decideBounded(pipeline, eml, { campaign, file: `fuzz-${seed}-${index}.eml` });
      const codes = [...verdict.errors, ...verdict.warnings].map((f) => f.code);
      send({ type: 'verdict', index, decision: verdict.decision, codes, problems: verdictProblems(verdict), stops, fromHeaderBecause,
        ms: performance.now() - started, maxRssMb: maxRssMb() });
    } catch (err) {
      send({ type: 'threw', index, error: err instanceof Error ? err.stack ?? err.message : String(err), maxRssMb: maxRssMb() });
    }
  });
  send({ type: 'ready' });
}
