// Worker entry point, stage "intake": archived email -> verdict (in a pipeline thread) -> ledger queue.
import { EMAIL_TIME_LIMIT_MS } from '../src/limits.ts';
import { QUEUE, type IntakeJob } from '../src/service/jobs.ts';
import { PipelinePool } from '../src/pipeline/thread/pipeline-pool.ts';
import type { ServiceContext } from '../src/service/service-context.ts';
import { runIntake } from '../src/service/stages/intake-stage.ts';
import { startWorker } from '../src/service/start-worker.ts';
import { runWhenMain } from '../src/service/run-standalone.ts';

export function startIntakeWorker(ctx: ServiceContext) {
  const threads = ctx.config.pipelineThreads;
  const pipeline = new PipelinePool(threads, EMAIL_TIME_LIMIT_MS, ctx.config.pipelineHeapMb);
  // BullMQ's own lock (30 s, renewed every 15 s): the email is decided in a pipeline thread, so this thread renews it
  // however long an email takes, and an email held by a bot that was killed is taken up again within a minute of the
  // restart (a lock as long as the email's time limit left it waiting three).
  const worker = startWorker<IntakeJob>(ctx, QUEUE.intake, async (job) => {
    const verdict = await runIntake(ctx, pipeline, job.data);
    return { decision: verdict.decision, unit: verdict.unit };
  }, { concurrency: threads });
  worker.on('closed', () => void pipeline.close());
  return worker;
}

runWhenMain(import.meta.url, startIntakeWorker);
