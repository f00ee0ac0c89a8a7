// The ledger spreadsheet is rebuilt a short while after a verdict, once for all the verdicts of that while: a burst
// of filings does not rebuild the whole workbook once per email. The one rebuild still holds every verdict, and a
// verdict recorded while a build runs is not left to that build, which a kill may end.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/pipeline/check-email.ts';
import { createServiceContext, closeServiceContext, type ServiceContext } from '../../src/service/service-context.ts';
import { runRecord } from '../../src/service/stages/ledger-stage.ts';
import { QUEUE } from '../../src/service/jobs.ts';
import { redisNow } from '../../src/ledger/rebuild-ledger-file.ts';
import { startWorker } from '../../src/service/start-worker.ts';
import { startLedgerWorker } from '../../workers/ledger.ts';
import { openStage, SAMPLE, startServices, type Stage } from './harness.ts';

const BURST = 12;
let stage: Stage;
let ctx: ServiceContext;

beforeAll(async () => {
  // A window long enough that the whole burst is recorded inside it on a loaded machine too (at 1 s, twelve
  // records under load spanned two windows and so two rebuilds).
  stage = await openStage(await startServices(), 'ledger-rebuilds', { LEDGER_FILE_DELAY_SECONDS: '5' });
  ctx = createServiceContext(stage.config, { bullPrefix: stage.bullPrefix, keyPrefix: stage.keyPrefix, log: stage.log });
});
afterAll(async () => {
  await closeServiceContext(ctx);
  await stage.dispose();
});

describe('ledger spreadsheet rebuilds', () => {
  it('rebuilds once for a burst of verdicts, and that build holds them all', async () => {
    expect(stage.config.ledgerFileDelayMs).toBe(5000);
    const verdict = await checkEmail(readFileSync(SAMPLE), { campaign: ctx.campaign });
    // Windows are cut on the clock (every 5 s of Redis time): a burst begun late in one ran into the next and was
    // rightly two rebuilds, so the burst begins as a window does.
    const now = await redisNow(ctx.redis);
    await new Promise((resolve) => setTimeout(resolve, 5000 - (now % 5000) + 50));
    for (let n = 0; n < BURST; n++) {
      const emailId = `${stage.tag}-${String(n).padStart(3, '0')}`;
      const intake = { emailId, archivePath: `archive/${emailId}.eml`, place: { mailbox: stage.folder, uidValidity: '1', uid: n + 1 }, internalDate: verdict.receivedAt };
      await runRecord(ctx, { intake, verdict });
    }
    const waiting = await ctx.queues.ledger.getJobs(['delayed', 'waiting', 'active']);
    expect(waiting.filter((job) => job.name === 'file')).toHaveLength(1);

    expect(await runFileBuilds(1)).toEqual([true]);
    expect(await emailIdsInLedgerFile(stage.tag)).toHaveLength(BURST);
  });

  it('gives a verdict recorded during a build its own rebuild, which holds it though that build is killed', async () => {
    const verdict = await checkEmail(readFileSync(SAMPLE), { campaign: ctx.campaign });
    const tag = `${stage.tag}-kill`;
    const record = (n: number) => runRecord(ctx, {
      verdict,
      intake: { emailId: `${tag}-${n}`, archivePath: `archive/${tag}-${n}.eml`, place: { mailbox: stage.folder, uidValidity: '1', uid: 100 + n }, internalDate: verdict.receivedAt },
    });
    await record(1);
    // A build that never ends, in a worker then closed without waiting for it: what a killed bot leaves behind.
    let buildStarted!: () => void;
    const started = new Promise<void>((resolve) => { buildStarted = resolve; });
    const stuck = startWorker(ctx, QUEUE.ledger, async () => { buildStarted(); await new Promise(() => {}); });
    await started;
    await record(2);
    const pending = await ctx.queues.ledger.getJobs(['delayed', 'waiting']);
    expect(pending.filter((job) => job.name === 'file')).toHaveLength(1);
    await stuck.close(true);

    expect(await runFileBuilds(1)).toEqual([true]);
    expect(await emailIdsInLedgerFile(tag)).toEqual([`${tag}-1`, `${tag}-2`]);
  });
});

/** Runs the ledger worker until it has finished this many spreadsheet builds; says for each whether it built. */
async function runFileBuilds(count: number): Promise<boolean[]> {
  const builds: boolean[] = [];
  const worker = startLedgerWorker(ctx);
  worker.on('completed', (job, result: { built?: boolean }) => { if (job.name === 'file') builds.push(result.built === true); });
  await expect.poll(() => builds.length, { timeout: 30_000, interval: 200 }).toBe(count);
  await worker.close();
  return builds;
}

async function emailIdsInLedgerFile(tag: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(ctx.ledgerFile);
  const emails = book.worksheets.find((sheet) => sheet.name.includes('邮件'));
  expect(emails, book.worksheets.map((s) => s.name).join(',')).toBeDefined();
  const ids = new Set<string>();
  emails!.eachRow((row) => row.eachCell((cell) => { if (new RegExp(`^${tag}-\\d+$`).test(String(cell.value))) ids.add(String(cell.value)); }));
  return [...ids].sort();
}
