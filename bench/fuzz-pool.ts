// Runs fuzz cases in a pool of child processes, each case under a time limit and a memory cap: a case that hangs
// or blows memory is killed with its process, recorded, and the pool carries on with a fresh child.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildMessage } from './fuzz-child.ts';

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Index of the first case; a single case is rebuilt with { first: n, count: 1 }. */
  first?: number;
  workers: number;
  /** A verdict later than this counts as slow; the case goes on. */
  timeLimitMs: number;
  /** No verdict by then is a hang: the child is killed (its pipeline thread gives up at EMAIL_TIME_LIMIT_MS, 120 s). */
  hardLimitMs: number;
  /** Heap cap of each child's pipeline thread (as PIPELINE_HEAP_MB caps the bot's) and of the child itself. */
  heapMb: number;
  /** Resident memory (heap, buffers, canvas) above which a child is killed and its case counted as an OOM. */
  rssCapMb: number;
}

export type OutcomeKind = 'verdict' | 'threw' | 'crash' | 'hang' | 'oom' | 'generator-error';

export interface CaseOutcome {
  index: number;
  label: string;
  bytes: number;
  kind: OutcomeKind;
  decision?: string;
  codes?: string[];
  /** Contract breaches in the verdict (see verdictProblems in fuzz-child.ts). */
  problems?: string[];
  /** Each time the pipeline thread was stopped on the case (a file past its time limit or the heap cap). */
  stops?: string[];
  /** Why the verdict came from the header alone (the pipeline thread gave up, or over the size cap), else null. */
  fromHeaderBecause?: string | null;
  ms?: number;
  detail?: string;
}

const CHILD = fileURLToPath(new URL('./fuzz-child.ts', import.meta.url));
const RSS_POLL_MS = 200;
const STDERR_TAIL = 4000;

interface Child {
  process: ChildProcess;
  stderr(): string;
  peakRssMb: number;
  /** The case this child finished last: a stray rejection it left behind can kill the child during the next one. */
  previous: string;
}

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

function startChild(options: FuzzOptions): Promise<Child> {
  const proc = fork(CHILD, [String(options.seed), String(options.heapMb)], {
    // The child's own heap (building a case of hundreds of MB) is capped as its pipeline thread's is.
    execArgv: ['--import', 'tsx', `--max-old-space-size=${options.heapMb}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let tail = '';
  proc.stderr!.on('data', (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-STDERR_TAIL); });
  const child: Child = { process: proc, stderr: () => tail, peakRssMb: 0, previous: '(none)' };
  return new Promise((resolve, reject) => {
    proc.once('message', () => resolve(child));
    proc.once('exit', (code) => reject(new Error(`fuzz child did not start (exit ${code}): ${tail}`)));
  });
}

/** One case on one child; resolves with its outcome. The child is dead afterwards unless the case ended normally. */
function runCase(child: Child, index: number, options: FuzzOptions): Promise<CaseOutcome> {
  const proc = child.process;
  let label = '(not built)';
  let bytes = 0;
  return new Promise((resolve) => {
    const finish = (outcome: Omit<CaseOutcome, 'index' | 'label' | 'bytes'>, kill: boolean) => {
      clearTimeout(timer);
      clearInterval(watch);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      if (kill) proc.kill('SIGKILL');
      child.previous = `#${index} [${label}]`;
      resolve({ index, label, bytes, ...outcome });
    };
    const onMessage = (m: ChildMessage) => {
      if (m.type === 'case') ({ label, bytes } = m);
      else if (m.type === 'verdict') {
        finish({ kind: 'verdict', decision: m.decision, codes: m.codes, problems: m.problems, stops: m.stops,
          fromHeaderBecause: m.fromHeaderBecause, ms: m.ms }, false);
      }
      else if (m.type === 'threw') finish({ kind: 'threw', detail: m.error }, false);
      else if (m.type === 'generator-error') finish({ kind: 'generator-error', detail: m.error }, false);
      if ('maxRssMb' in m) child.peakRssMb = Math.max(child.peakRssMb, m.maxRssMb);
    };
    const onExit = (code: number | null, signal: string | null) => {
      const heap = /heap out of memory|Allocation failed/i.test(child.stderr());
      finish({ kind: heap ? 'oom' : 'crash', detail: `exit ${code ?? signal} (previous case on this child: ${child.previous}): ${child.stderr().slice(-1500)}` }, false);
    };
    const timer = setTimeout(() => finish({ kind: 'hang', detail: `no verdict within ${options.hardLimitMs} ms` }, true), options.hardLimitMs);
    const watch = setInterval(() => {
      const rss = rssMb(proc.pid!);
      child.peakRssMb = Math.max(child.peakRssMb, rss);
      if (rss > options.rssCapMb) finish({ kind: 'oom', detail: `resident memory ${rss} MB over the ${options.rssCapMb} MB cap` }, true);
    }, RSS_POLL_MS);
    proc.on('message', onMessage);
    proc.once('exit', onExit);
    proc.send({ index });
  });
}

export interface FuzzRun { outcomes: CaseOutcome[]; peakRssMb: number; wallMs: number }

export async function runFuzz(options: FuzzOptions, onOutcome: (o: CaseOutcome) => void = () => undefined): Promise<FuzzRun> {
  const started = Date.now();
  const first = options.first ?? 0;
  let next = first;
  const outcomes: CaseOutcome[] = [];
  let peakRssMb = 0;
  const slot = async () => {
    let child: Child | null = null;
    while (next < first + options.count) {
      const index = next++;
      child ??= await startChild(options);
      const outcome = await runCase(child, index, options);
      outcomes.push(outcome);
      onOutcome(outcome);
      peakRssMb = Math.max(peakRssMb, child.peakRssMb);
      if (['crash', 'hang', 'oom'].includes(outcome.kind)) child = null;
    }
    child?.process.kill();
  };
  await Promise.all(Array.from({ length: options.workers }, slot));
  return { outcomes: outcomes.sort((a, b) => a.index - b.index), peakRssMb, wallMs: Date.now() - started };
}
