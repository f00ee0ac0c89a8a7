// The ledger spreadsheet is rebuilt a short while after a verdict, once for all the verdicts of that while: a burst
// of filings does not rebuild the whole workbook once per email. The one rebuild still holds every verdict.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/pipeline/check-email.ts';
import { createServiceContext, closeServiceContext, type ServiceContext } from '../../src/service/service-context.ts';
import { runRecord } from '../../src/service/stages/ledger-stage.ts';
import { startLedgerWorker } from '../../workers/ledger.ts';
import { openStage, SAMPLE, startServices, type Stage } from './harness.ts';

const BURST = 12;
let stage: Stage;
let ctx: ServiceContext;

beforeAll(async () => {
  stage = await openStage(await startServices(), 'ledger-rebuilds');
  ctx = createServiceContext(stage.config, { bullPrefix: stage.bullPrefix, keyPrefix: stage.keyPrefix, log: stage.log });
});
afterAll(async () => {
  await closeServiceContext(ctx);
  await stage.dispose();
});

describe('ledger spreadsheet rebuilds', () => {
  it('rebuilds once for a burst of verdicts, and that build holds them all', async () => {
    expect(stage.config.ledgerFileDelayMs).toBe(1000);
    const verdict = await checkEmail(readFileSync(SAMPLE), { campaign: ctx.campaign });
    for (let n = 0; n < BURST; n++) {
      const emailId = `${stage.tag}-${String(n).padStart(3, '0')}`;
      const intake = { emailId, archivePath: `archive/${emailId}.eml`, place: { mailbox: stage.folder, uidValidity: '1', uid: n + 1 }, internalDate: verdict.receivedAt };
      await runRecord(ctx, { intake, verdict });
    }
    const waiting = await ctx.queues.ledger.getJobs(['delayed', 'waiting', 'active']);
    expect(waiting.filter((job) => job.name === 'file')).toHaveLength(1);

    const builds: boolean[] = [];
    const worker = startLedgerWorker(ctx);
    worker.on('completed', (job, result: { built?: boolean }) => { if (job.name === 'file') builds.push(result.built === true); });
    await expect.poll(() => builds.length, { timeout: 30_000, interval: 200 }).toBe(1);
    await worker.close();
    expect(builds).toEqual([true]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ctx.ledgerFile);
    const emails = book.worksheets.find((sheet) => sheet.name.includes('邮件'));
    expect(emails, book.worksheets.map((s) => s.name).join(',')).toBeDefined();
    const ids = new Set<string>();
    emails!.eachRow((row) => row.eachCell((cell) => { if (String(cell.value).startsWith(stage.tag)) ids.add(String(cell.value)); }));
    expect(ids.size).toBe(BURST);
  });
});
