// Worker entry point, stage "intake": archived email -> verdict (in a worker thread) -> ledger queue.
import { EMAIL_TIME_LIMIT_MS } from '../src/limits.ts';
import { QUEUE, type IntakeJob } from '../src/service/jobs.ts';
import { PipelineRunner } from '../src/service/pipeline-thread/pipeline-runner.ts';
import type { ServiceContext } from '../src/service/service-context.ts';
import { runIntake } from '../src/service/stages/intake-stage.ts';
import { startWorker } from '../src/service/start-worker.ts';
import { runWhenMain } from '../src/service/run-standalone.ts';

export function startIntakeWorker(ctx: ServiceContext) {
  const pipeline = new PipelineRunner(EMAIL_TIME_LIMIT_MS);
  const worker = startWorker<IntakeJob>(ctx, QUEUE.intake, async (job) => {
    const verdict = await runIntake(ctx, pipeline, job.data);
    return { decision: verdict.decision, unit: verdict.unit };
  }, { concurrency: 1, lockDuration: EMAIL_TIME_LIMIT_MS + 60_000 });
  worker.on('closed', () => void pipeline.close());
  return worker;
}

runWhenMain(import.meta.url, startIntakeWorker);
