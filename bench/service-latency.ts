// Arrival to reply delivered on the local stack (target p95 under 2 s): county emails APPENDed one at a time at a
// steady pace to the folder the bot watches, each timed until its reply is in the sender's mailbox.
// Run: bash scripts/services/up.sh && npx tsx bench/service-latency.ts [emails=30] [seconds-between=3]
import { cpus, loadavg, totalmem } from 'node:os';
import { append, closeBenchStage, countyEmails, deliveredAt, openBenchStage, quantile, sampleProcess, waitFor, watchReplies } from './service-kit.ts';

const count = Number(process.argv[2] ?? 30);
const paceMs = Number(process.argv[3] ?? 3) * 1000;

const bench = await openBenchStage('latency');
try {
  const [warmUp, ...emails] = await countyEmails(bench.stage, count + 1);
  const bot = sampleProcess(bench.bot.child.pid!);
  const replies = watchReplies(bench.stage, Date.now());
  // One email answered before the clock runs: connecting, IDLE and the pipeline thread's first load are start-up.
  await append(bench, warmUp);
  if (!(await waitFor(() => replies.delivered.size === 1, 180_000))) throw new Error('the warm-up email was not answered in 3 minutes');
  const cpuAtStart = bot.cpuSeconds();
  const arrivals: number[] = [];
  for (const email of emails) {
    const next = Date.now() + paceMs;
    arrivals.push(await append(bench, email));
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  const allAnswered = await waitFor(() => replies.delivered.size >= count + 1, 120_000);
  replies.stop();
  bot.stop();
  const latencies = emails.flatMap((email, i) => {
    const at = deliveredAt(replies.delivered, email);
    return at === undefined ? [] : [at - arrivals[i]];
  });
  console.log(`machine: ${cpus().length} cpus, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`settings for the bench (reply limits raised): ${JSON.stringify(bench.limits)}`);
  console.log(`${count} emails, one every ${paceMs / 1000} s; replies delivered: ${latencies.length}${allAnswered ? '' : ' (timed out waiting for the rest)'}`);
  if (latencies.length) {
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`arrival -> reply delivered: p50 ${s(quantile(latencies, 0.5))}, p95 ${s(quantile(latencies, 0.95))}, max ${s(Math.max(...latencies))}, min ${s(Math.min(...latencies))} (target p95 < 2 s)`);
  }
  // CPU time too: on a shared machine the wall time also counts other processes' turns.
  const cpu = bot.cpuSeconds() - cpuAtStart;
  console.log(`bot CPU time ${cpu.toFixed(1)} s = ${(cpu / count).toFixed(2)} s per email; bot peak RSS ${bot.peakRssMb().toFixed(0)} MB`);
  console.log(`latencies ms: ${latencies.join(' ')}`);
} finally {
  await closeBenchStage(bench);
}
