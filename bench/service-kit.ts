// What the running-bot benchmarks share: a stage on the local services with the bot as a child process, county
// emails with unique Message-IDs, the moment each reply reached its mailbox, and the bot's memory and CPU time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { spawnBot, type BotProcess } from '../test/service/bot-process.ts';
import { expected, fixture, freshCopy, openStage, startServices, type CountyEmail, type Stage } from '../test/service/harness.ts';
import { openAccount } from '../test/service/mail-lookup.ts';

/** Fixture emails the bot answers (accepted or returned): ignored mail has no reply to time. */
export const ANSWERED_FIXTURES = Object.entries(expected).filter(([, e]) => e.decision !== 'ignore').map(([name]) => fixture(name));
/** Before the campaign's deadline: INTERNALDATE is the received time the verdicts are judged by. */
export const RECEIVED = '2022-07-01T10:00:00+08:00';

export interface BenchStage { stage: Stage; bot: BotProcess; imap: ImapFlow; limits: Record<string, string> }

/**
 * A fresh stage and the bot on it as a child process (its memory is then its own). The reply limits are raised,
 * and printed with the other settings: the defaults (20 a minute, 10 per sender an hour) would hold a burst of
 * fixture copies for staff.
 */
export async function openBenchStage(name: string): Promise<BenchStage> {
  const stage = await openStage(await startServices(), name);
  const limits = {
    REPLIES_PER_MINUTE: process.env.REPLIES_PER_MINUTE ?? '600',
    REPLIES_PER_SENDER_PER_HOUR: process.env.REPLIES_PER_SENDER_PER_HOUR ?? '100000',
    // The service's own defaults (the test harness shortens the rebuild delay); set either to compare.
    LEDGER_FILE_DELAY_SECONDS: process.env.LEDGER_FILE_DELAY_SECONDS ?? '10',
    PIPELINE_THREADS: process.env.PIPELINE_THREADS ?? '2',
  };
  Object.assign(stage.variables, limits);
  const imap = await openAccount(stage.env, stage.env.city);
  // Idle while the bot works, this connection meets imapflow's socket timeout; unheard, that error ends the bench.
  imap.on('error', () => undefined);
  return { stage, bot: spawnBot(stage), imap, limits };
}

export async function closeBenchStage({ stage, bot, imap }: BenchStage): Promise<void> {
  await bot.stop();
  await imap.logout().catch(() => imap.close());
  await stage.dispose();
}

/** `count` copies of the answered fixtures in turn, each with a Message-ID of its own (carrying the stage's tag). */
export function countyEmails(stage: Stage, count: number): Promise<CountyEmail[]> {
  return Promise.all(Array.from({ length: count }, (_, i) =>
    freshCopy({ ...stage, tag: `${stage.tag}-${i}` }, ANSWERED_FIXTURES[i % ANSWERED_FIXTURES.length])));
}

/** APPENDs one email to the watched folder; resolves when the server has it (the email's arrival). */
export async function append(bench: BenchStage, email: CountyEmail): Promise<number> {
  await bench.imap.append(bench.stage.folder, email.raw, [], new Date(RECEIVED));
  return Date.now();
}

const bare = (id: string) => id.replace(/^<|>$/g, '');

/**
 * Replies as the SMTP front door keeps them: it hands each to Dovecot, then names its copy `<Date.now()>-...eml`,
 * so the name is the moment the reply was in the county's mailbox. Returns Message-ID of the original -> that ms.
 */
export function watchReplies(stage: Stage, since: number): { delivered: Map<string, number>; stop(): void } {
  const dir = join(stage.env.servicesDir, 'smtp-sent');
  const seen = new Set<string>();
  const delivered = new Map<string, number>();
  const look = () => {
    for (const name of readdirSync(dir)) {
      const at = Number(name.split('-')[0]);
      if (seen.has(name) || name.startsWith('.') || !(at >= since)) continue;
      seen.add(name);
      const head = readFileSync(join(dir, name)).subarray(0, 16_384).toString('latin1');
      const original = /^In-Reply-To:\s*<([^>]+)>/im.exec(head)?.[1];
      if (original?.includes(stage.tag)) delivered.set(original, at);
    }
  };
  const timer = setInterval(look, 50);
  return { delivered, stop: () => { clearInterval(timer); look(); } };
}

export const deliveredAt = (delivered: Map<string, number>, email: CountyEmail) => delivered.get(bare(email.messageId));

/**
 * RSS and CPU time of a process from /proc, sampled every `everyMs`: peak RSS, CPU seconds so far, and CPU seconds
 * thread by thread (the main thread's id is the pid; pipeline threads and V8's helpers are the others), which is
 * how the time left in the bot gets found.
 */
export function sampleProcess(pid: number, everyMs = 200) {
  let peakRss = 0;
  let cpuSeconds = 0;
  const threads = new Map<number, number>();
  const read = () => {
    try {
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peakRss = Math.max(peakRss, rssKb / 1024);
      cpuSeconds = statCpuSeconds(`/proc/${pid}/stat`);
      // A thread that has ended keeps its last sample.
      for (const tid of readdirSync(`/proc/${pid}/task`)) threads.set(Number(tid), statCpuSeconds(`/proc/${pid}/task/${tid}/stat`));
    } catch {
      // The process (or a thread) has ended: the last sample stands.
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    peakRssMb: () => peakRss,
    cpuSeconds: () => cpuSeconds,
    threadCpu: () => ({ main: threads.get(pid) ?? 0, others: [...threads].filter(([tid]) => tid !== pid).map(([, cpu]) => cpu).sort((a, b) => b - a) }),
    stop: () => { read(); clearInterval(timer); },
  };
}

/** User plus system CPU seconds from a /proc stat file: fields 14 and 15, counted after the command in parentheses. */
function statCpuSeconds(file: string): number {
  const ticksPerSecond = 100;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** The q-quantile (0..1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Waits (bounded) until `done()` holds, looking every `everyMs`. */
export async function waitFor(done: () => boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, everyMs));
  return done();
}
