// Stage "intake": the archived email through the pipeline (the same as `check`), its verdict handed to the ledger.
// An email the pipeline gives up on (time, memory) or could not download is still answered: never a retry loop.
import { readArchivedEmail } from '../../archive/archive-email.ts';
import { checkHeaderOnly, notDownloadedReason } from '../../pipeline/check-header-only.ts';
import { decideBounded } from '../../pipeline/decide-bounded.ts';
import type { Pipeline } from '../../pipeline/thread/pipeline-pool.ts';
import type { Verdict } from '../../types.ts';
import { jobIdOf, type IntakeJob } from '../jobs.ts';
import { KEEP_JOBS, type ServiceContext } from '../service-context.ts';

export async function runIntake(ctx: ServiceContext, pipeline: Pipeline, job: IntakeJob): Promise<Verdict> {
  const raw = await readArchivedEmail(ctx.config.dataDir, job.archivePath);
  const receivedAt = new Date(job.internalDate);
  const options = { campaign: ctx.campaign, receivedAt, ownAddresses: [ctx.config.mailFrom] };
  let verdict: Verdict;
  if (job.notDownloaded) {
    verdict = await checkHeaderOnly(raw, job.notDownloaded.attachments, notDownloadedReason(job.notDownloaded), options);
  } else {
    const decided = await decideBounded(pipeline, raw, { ...options, campaignFile: ctx.config.campaignFile });
    if (decided.stops.length || decided.fromHeaderBecause) {
      ctx.log.warn({ emailId: job.emailId, stops: decided.stops, fromHeaderBecause: decided.fromHeaderBecause }, 'pipeline stopped on an email');
    }
    verdict = decided.verdict;
  }
  await ctx.queues.ledger.add('record', { intake: job, verdict }, { jobId: jobIdOf(job), attempts: 8, backoff: { type: 'exponential', delay: 2000 }, ...KEEP_JOBS });
  const ignoredBecause = verdict.decision === 'ignore' ? { ignoredBecause: verdict.warnings.map((w) => w.code) } : {};
  ctx.log.info({ emailId: job.emailId, decision: verdict.decision, ...ignoredBecause, unit: verdict.unit, errors: verdict.errors.map((e) => e.code) }, 'email decided');
  return verdict;
}
