// Worker entry point, stage "intake": archived email -> verdict -> ledger queue.
import { QUEUE, type IntakeJob } from '../src/service/jobs.ts';
import type { ServiceContext } from '../src/service/service-context.ts';
import { runIntake } from '../src/service/stages/intake-stage.ts';
import { startWorker } from '../src/service/start-worker.ts';
import { runWhenMain } from '../src/service/run-standalone.ts';

export function startIntakeWorker(ctx: ServiceContext) {
  // Parsing is CPU-heavy but yields between files and pages; a long lock keeps a slow email from being taken twice.
  return startWorker<IntakeJob>(ctx, QUEUE.intake, async (job) => {
    const verdict = await runIntake(ctx, job.data);
    return { decision: verdict.decision, unit: verdict.unit };
  }, { concurrency: 1, lockDuration: 120_000, stalledInterval: 60_000 });
}

runWhenMain(import.meta.url, startIntakeWorker);
