// Worker entry point, stage "ledger": record verdicts, rebuild the spreadsheet, queue replies.
import { QUEUE, type LedgerFileJob, type RecordJob } from '../src/service/jobs.ts';
import type { ServiceContext } from '../src/service/service-context.ts';
import { runLedgerFile, runRecord } from '../src/service/stages/ledger-stage.ts';
import { startWorker } from '../src/service/start-worker.ts';
import { runWhenMain } from '../src/service/run-standalone.ts';

export function startLedgerWorker(ctx: ServiceContext) {
  return startWorker<RecordJob | LedgerFileJob>(ctx, QUEUE.ledger, async (job) => {
    if (job.name === 'file') return { built: await runLedgerFile(ctx, (job.data as LedgerFileJob).requestedAt) };
    await runRecord(ctx, job.data as RecordJob);
    return { recorded: true };
  }, { concurrency: 2 });
}

runWhenMain(import.meta.url, startLedgerWorker);
