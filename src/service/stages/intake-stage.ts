// Stage "intake": the archived email through the pipeline (the same as `check`), its verdict handed to the ledger.
import { readArchivedEmail } from '../../archive/archive-email.ts';
import { checkEmail } from '../../pipeline/check-email.ts';
import { checkHeaderOnly } from '../../pipeline/check-header-only.ts';
import type { Verdict } from '../../types.ts';
import type { IntakeJob } from '../jobs.ts';
import { KEEP_JOBS, type ServiceContext } from '../service-context.ts';

export async function runIntake(ctx: ServiceContext, job: IntakeJob): Promise<Verdict> {
  const raw = await readArchivedEmail(ctx.config.dataDir, job.archivePath);
  const options = { campaign: ctx.campaign, receivedAt: new Date(job.internalDate), ownAddresses: [ctx.config.mailFrom] };
  const verdict = job.notDownloaded
    ? await checkHeaderOnly(raw, job.notDownloaded, options)
    : await checkEmail(raw, options);
  await ctx.queues.ledger.add('record', { intake: job, verdict }, { jobId: job.emailId, attempts: 8, backoff: { type: 'exponential', delay: 2000 }, ...KEEP_JOBS });
  ctx.log.info({ emailId: job.emailId, decision: verdict.decision, unit: verdict.unit, errors: verdict.errors.map((e) => e.code) }, 'email decided');
  return verdict;
}
