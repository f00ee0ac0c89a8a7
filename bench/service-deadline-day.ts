// A city's deadline day on the local stack: 300 county submissions APPENDed at once to the folder the bot watches;
// time until every one is answered (target under 60 s on 2 cores) and the bot's peak memory (target under 500 MB).
// Run: bash scripts/services/up.sh && npx tsx bench/service-deadline-day.ts [emails=300]
import { cpus, loadavg, totalmem } from 'node:os';
import { handledEmails } from '../test/service/harness.ts';
import { append, closeBenchStage, countyEmails, openBenchStage, sampleProcess, waitFor, watchReplies } from './service-kit.ts';

const count = Number(process.argv[2] ?? 300);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const bench = await openBenchStage('deadline-day');
try {
  const emails = await countyEmails(bench.stage, count);
  // The RSS of the bot's process, sampled every 200 ms from its start: the pipeline thread lives inside it.
  const bot = sampleProcess(bench.bot.child.pid!, 200);
  const start = Date.now();
  const replies = watchReplies(bench.stage, start);
  for (const email of emails) await append(bench, email);
  const appended = Date.now();
  // Progress every 30 s, so a slow run shows where it is.
  const progress = setInterval(() => console.log(`  ${s(Date.now() - start)}: ${replies.delivered.size}/${count} answered, RSS peak ${bot.peakRssMb().toFixed(0)} MB`), 30_000);
  const allAnswered = await waitFor(() => replies.delivered.size >= count, 3_600_000, 250);
  const answered = Date.now();
  clearInterval(progress);
  // Answered is not yet done: the Sent copy and the filing into 已受理/已退回 follow each reply.
  let filed = 0;
  for (let tries = 0; tries < 300 && filed < count; tries++) {
    filed = (await handledEmails(bench.stage)).filter((h) => h.replySteps.includes('filed')).length;
    if (filed < count) await new Promise((r) => setTimeout(r, 2000));
  }
  const done = Date.now();
  replies.stop();
  bot.stop();
  const times = [...replies.delivered.values()].sort((a, b) => a - b);
  console.log(`machine: ${cpus().length} cpus, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}; load at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`settings for the bench (reply limits raised): ${JSON.stringify(bench.limits)}`);
  console.log(`${count} emails APPENDed in ${s(appended - start)}; answered ${replies.delivered.size}${allAnswered ? '' : ' (gave up waiting)'}`);
  console.log(`first reply after ${s(times[0] - start)}, half after ${s(times[Math.floor(times.length / 2)] - start)}, all answered after ${s(answered - start)} (target < 60 s), all filed after ${s(done - start)} (${filed} filed)`);
  console.log(`throughput ${(count / ((answered - start) / 1000)).toFixed(2)} emails/s`);
  // CPU time too: on a shared machine the wall time also counts other processes' turns.
  console.log(`bot CPU time ${bot.cpuSeconds().toFixed(1)} s (${(bot.cpuSeconds() / count).toFixed(2)} s per email, start-up included); bot peak RSS ${bot.peakRssMb().toFixed(0)} MB (target < 500 MB)`);
  const { main, others } = bot.threadCpu();
  console.log(`CPU by thread: main ${main.toFixed(1)} s; others ${others.filter((cpu) => cpu >= 0.1).map((cpu) => cpu.toFixed(1)).join(', ')} s`);
} finally {
  await closeBenchStage(bench);
}
