// Stage "intake": the archived email through the pipeline (the same as `check`), its verdict handed to the ledger.
// An email the pipeline gives up on (time, memory) or could not download is still answered: never a retry loop.
import { readArchivedEmail } from '../../archive/archive-email.ts';
import { readEmail } from '../../mail/read-email.ts';
import { checkHeaderOnly, notDownloadedReason } from '../../pipeline/check-header-only.ts';
import type { Verdict } from '../../types.ts';
import type { IntakeJob } from '../jobs.ts';
import { PipelineGaveUpError } from '../pipeline-thread/pipeline-runner.ts';
import type { Pipeline } from '../pipeline-thread/pipeline-pool.ts';
import { KEEP_JOBS, type ServiceContext } from '../service-context.ts';

export async function runIntake(ctx: ServiceContext, pipeline: Pipeline, job: IntakeJob): Promise<Verdict> {
  const raw = await readArchivedEmail(ctx.config.dataDir, job.archivePath);
  const receivedAt = new Date(job.internalDate);
  const options = { campaign: ctx.campaign, receivedAt, ownAddresses: [ctx.config.mailFrom] };
  let verdict: Verdict;
  if (job.notDownloaded) {
    verdict = await checkHeaderOnly(raw, job.notDownloaded.attachments, notDownloadedReason(job.notDownloaded), options);
  } else {
    try {
      verdict = await pipeline.decide({ raw, receivedAt: job.internalDate, campaignFile: ctx.config.campaignFile, ownAddresses: [ctx.config.mailFrom] });
    } catch (err) {
      if (!(err instanceof PipelineGaveUpError)) throw err;
      ctx.log.warn({ emailId: job.emailId, err }, 'pipeline gave up on an email; answering from its header');
      const names = (await readEmail(raw, { receivedAt })).attachments.map((a) => ({ filename: a.filename }));
      verdict = await checkHeaderOnly(raw, names, err.reason, options);
    }
  }
  await ctx.queues.ledger.add('record', { intake: job, verdict }, { jobId: job.emailId, attempts: 8, backoff: { type: 'exponential', delay: 2000 }, ...KEEP_JOBS });
  ctx.log.info({ emailId: job.emailId, decision: verdict.decision, unit: verdict.unit, errors: verdict.errors.map((e) => e.code) }, 'email decided');
  return verdict;
}
