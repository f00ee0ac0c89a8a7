// Stage "ledger": record the verdict in the state of record, ask for the spreadsheet to be rebuilt soon, and queue the
// reply (saying when this filing replaced the unit's earlier one, or was returned while its accepted one stands).
import { recordVerdict } from '../../ledger/ledger-store.ts';
import { rebuildLedgerFile, redisNow } from '../../ledger/rebuild-ledger-file.ts';
import { filingWarnings } from '../../ledger/filing-warnings.ts';
import { jobIdOf, type RecordJob } from '../jobs.ts';
import { REPLY_RETRIES } from '../reply-retry.ts';
import { KEEP_JOBS, ledgerPrefixOf, type ServiceContext } from '../service-context.ts';

export const ledgerPrefix = (ctx: ServiceContext) => ledgerPrefixOf(ctx.keyPrefix);

export async function runRecord(ctx: ServiceContext, { intake, verdict }: RecordJob): Promise<void> {
  const result = await recordVerdict(ctx.redis, ledgerPrefix(ctx), {
    emailId: intake.emailId, verdict, place: intake.place, archivePath: intake.archivePath,
    from: verdict.from, subject: verdict.subject, handledAt: new Date().toISOString(),
  });
  await requestLedgerFile(ctx);
  if (verdict.decision === 'ignore') return;
  const warnings = verdict.unit
    ? [...verdict.warnings, ...filingWarnings({ ...verdict, unit: verdict.unit }, result, ctx.campaign.deadline.timeZone)]
    : verdict.warnings;
  await ctx.queues.reply.add('send', { intake, verdict: { ...verdict, warnings } },
    { jobId: jobIdOf(intake), ...REPLY_RETRIES, ...KEEP_JOBS });
}

/**
 * Asks for a spreadsheet rebuild at the end of the current window of LEDGER_FILE_DELAY_SECONDS: every request in a
 * window is the same job (its id names the window), which has not run yet, so none is merged into a build already
 * running: a request held behind a running build is lost if that build is killed or Redis restarts. The job's
 * requestedAt is the window's end: a build that started after it holds every record of the window.
 */
async function requestLedgerFile(ctx: ServiceContext): Promise<void> {
  const now = await redisNow(ctx.redis);
  const window = ctx.config.ledgerFileDelayMs;
  const due = (Math.floor(now / window) + 1) * window;
  await ctx.queues.ledger.add('file', { requestedAt: due }, {
    // BullMQ job ids may not hold ':' (prefixes do).
    jobId: `file-${ledgerPrefix(ctx).replaceAll(':', '_')}-${due}`, delay: due - now,
    removeOnComplete: true, removeOnFail: 100, attempts: 5, backoff: { type: 'exponential', delay: 1000 },
  });
}

export async function runLedgerFile(ctx: ServiceContext, requestedAt: number): Promise<boolean> {
  return rebuildLedgerFile(ctx.redis, ledgerPrefix(ctx), ctx.campaign, ctx.ledgerFile, { requestedAt });
}
